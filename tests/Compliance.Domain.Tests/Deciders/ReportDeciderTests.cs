using Compliance.Domain.Commands;
using Compliance.Domain.Deciders;
using Compliance.Domain.Events;

namespace Compliance.Domain.Tests.Deciders;

public sealed class ReportDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly string Sha = new('a', 64);

    private static ReportIssued Report(string sha) =>
        new("fleet", new DateOnly(2025, 7, 1), new DateOnly(2026, 6, 30), Now.AddHours(-9), sha, "compliance-fleet.pdf", Now);

    private static DeciderSpec<RecordReportIssued, ReportState> Spec() => new(ReportDecider.Decide, ReportDecider.Evolve, ReportDecider.Initial);

    [Fact]
    public void a_new_document_is_recorded() =>
        Spec().When(new RecordReportIssued(Report(Sha), "auditor", Now)).Then(Report(Sha));

    [Fact]
    public void the_same_document_issued_again_records_nothing() =>
        Spec().Given(Report(Sha)).When(new RecordReportIssued(Report(Sha.ToUpperInvariant()), "auditor", Now)).ThenUnchanged();

    [Fact]
    public void another_document_is_recorded_beside_an_earlier_one() =>
        Spec().Given(Report(Sha)).When(new RecordReportIssued(Report(new string('b', 64)), "auditor", Now)).Then(Report(new string('b', 64)));

    [Theory]
    [InlineData("abc")]
    [InlineData("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")]
    public void a_value_that_is_not_a_sha256_is_rejected(string sha) =>
        Spec().When(new RecordReportIssued(Report(sha), "auditor", Now)).ThenRejected("SHA-256");

    [Fact]
    public void a_period_that_ends_before_it_starts_is_rejected() =>
        Spec().When(new RecordReportIssued(Report(Sha) with { To = new DateOnly(2025, 1, 1) }, "auditor", Now)).ThenRejected("before it starts");

    [Fact]
    public void the_command_goes_to_the_reports_stream() =>
        Streams.For(new RecordReportIssued(Report(Sha), "auditor", Now)).ShouldBe("reports");
}
