using Compliance.Application.Reports;

namespace Compliance.Application.Tests.Reports;

public sealed class ReportRequestTests
{
    // The previous period was a property: printing a request printed it, and its previous period, until DateOnly ran out
    // (ArgumentOutOfRangeException in the replicas' report contract test, whose log line printed the request).
    [Fact]
    public void a_request_prints_without_walking_back_through_every_earlier_period()
    {
        var request = new ReportRequest(ReportScope.Fleet, new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30), new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero), "Example");

        request.ToString().ShouldContain("Organisation = Example");
        var previous = request.PreviousPeriod();
        previous.From.ShouldBe(new DateOnly(2025, 7, 4)); // 181 days, as the period
        previous.To.ShouldBe(new DateOnly(2025, 12, 31));
        previous.AsOf.ShouldBe(request.AsOf);
    }
}
