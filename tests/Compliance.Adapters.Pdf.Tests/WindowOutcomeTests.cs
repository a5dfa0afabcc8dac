using Compliance.Application.Reports;
using Compliance.Domain.Commands;
using Compliance.Domain.Events;
using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;
using Environment = Compliance.Domain.Events.Environment;

namespace Compliance.Adapters.Pdf.Tests;

public sealed class WindowOutcomeTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task a_partial_window_is_partial_and_scores_half_and_an_aborted_one_scores_nothing_whatever_it_upgraded()
    {
        var request = new ReportRequest(ReportScope.Fleet, new DateOnly(2026, 1, 1), new DateOnly(2026, 4, 30), new DateTimeOffset(2026, 4, 30, 23, 0, 0, TimeSpan.Zero), "Example Bank plc");

        var rendered = await SeededLedger.RenderFreshAsync(Steps(), request);
        var report = rendered.Report;

        report.Windows.Select(w => (w.WindowId, w.State)).ShouldBe([("w-1", WindowResult.Held), ("w-2", WindowResult.Partial), ("w-3", WindowResult.Aborted)]);
        report.Windows.Single(w => w.WindowId == "w-2").Reason.ShouldBe("kubelets left on 1.32.3");
        report.Summary.WindowPoints.ShouldBe(1.5);
        report.Summary.WindowsDue.ShouldBe(3);
        report.Summary.WindowShare.ShouldBe(0.5);
        var pdf = PdfText.Read(rendered.Bytes);
        pdf.LinesWith("c-1", "w-2", "partial", "kubelets left on 1.32.3").ShouldHaveSingleItem();
        pdf.LinesWith("c-1", "w-3", "aborted", "rollback after etcd alarm").ShouldHaveSingleItem();
        pdf.All.ShouldContain("1 held, 1 partial, 1 aborted");
    }

    private static IEnumerable<(DateTimeOffset, Command)> Steps()
    {
        var at = Start;
        yield return (at, new RegisterCluster("c-1", "Cluster 1", Environment.Production, "platform", Flavour.Upstream, null, "ops:test", at));
        yield return (at, new RecordObservation(new ControlPlaneVersionObserved("c-1", "v1.32.3", "linux/amd64", at), "watcher:test", at));
        foreach (var (id, month) in new[] { ("w-1", 1), ("w-2", 2), ("w-3", 3) })
        {
            var starts = new DateTimeOffset(2026, month, 20, 2, 0, 0, TimeSpan.Zero);
            var scheduled = starts.AddDays(-10);
            yield return (scheduled, new ScheduleWindow("c-1", id, starts, starts.AddHours(4), "roll back from the etcd snapshot", [], "ops:test", scheduled));
            yield return (starts, new StartMaintenance("c-1", id, "ops:test", starts));
            var upgraded = starts.AddMinutes(30);
            yield return (upgraded, new RecordComponentUpgrade("c-1", id, new ComponentRef(ComponentKind.ControlPlane, "kubernetes"), $"1.32.{month + 2}", $"1.32.{month + 3}", "ops:test", upgraded));
            var end = starts.AddHours(3);
            yield return (end, id switch
            {
                "w-1" => new CompleteMaintenance("c-1", id, WindowOutcome.Succeeded, "all done", "ops:test", end),
                "w-2" => new CompleteMaintenance("c-1", id, WindowOutcome.PartiallySucceeded, "kubelets left on 1.32.3", "ops:test", end),
                _ => new AbortMaintenance("c-1", id, true, "rollback after etcd alarm", "ops:test", end),
            });
        }
    }
}
