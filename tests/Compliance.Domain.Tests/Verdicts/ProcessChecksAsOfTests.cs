using Compliance.Domain.Events;
using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;

namespace Compliance.Domain.Tests.Verdicts;

public sealed class ProcessChecksAsOfTests
{
    private static readonly DateTimeOffset T = Ledger.At(2026, 1, 5);

    /// <summary>A history that produces every window finding at some point: late notice, no plan, a missed window, a late retrospective, a gap.</summary>
    private static readonly ClusterHistory Busy = new Ledger().Registered(T)
        .ControlPlane("v1.29.3", T)
        .Scheduled("w1", T.AddDays(20), at: T.AddDays(1), contingencyPlan: null,
            changes: [new PlannedChange(ComponentKind.ControlPlane, "kubernetes", "1.30.0", ChangeKind.Minor)])
        .Scheduled("w2", T.AddDays(50), at: T.AddDays(2))
        .Started("w1", T.AddDays(20))
        .ControlPlane("v1.30.0", T.AddDays(20).AddHours(1))
        .Completed("w1", T.AddDays(20).AddHours(3))
        .ControlPlane("v1.30.1", T.AddDays(25))
        .Retrospective("w1", T.AddDays(35))
        .History();

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(20)]
    [InlineData(27)]
    [InlineData(30)]
    [InlineData(51)]
    [InlineData(90)]
    public void nothing_is_detected_or_resolved_after_the_instant_asked(int days)
    {
        var asOf = T.AddDays(days);

        var findings = ProcessChecks.Evaluate(Busy, null, asOf);

        findings.ShouldAllBe(f => f.DetectedAt <= asOf && (f.ResolvedAt == null || f.ResolvedAt <= asOf));
    }

    [Fact]
    public void a_busy_history_yields_each_window_finding_kind_by_the_end()
    {
        var kinds = ProcessChecks.Evaluate(Busy, null, T.AddDays(90)).Select(f => f.Kind).Distinct();

        kinds.ShouldBe(
            [FindingKind.MissedWindow, FindingKind.WindowCadenceGap, FindingKind.UnrecordedChange, FindingKind.ShortNotice,
             FindingKind.MissingContingencyPlan, FindingKind.MissingRetrospective],
            ignoreOrder: true);
    }
}
