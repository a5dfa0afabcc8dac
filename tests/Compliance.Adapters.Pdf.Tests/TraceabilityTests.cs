using Compliance.Application.Reports;
using Compliance.Domain.Verdicts;

namespace Compliance.Adapters.Pdf.Tests;

/// <summary>Every row of every section names the ledger events it stands on and who recorded them.</summary>
[Collection(SeededCollection.Name)]
public sealed class TraceabilityTests(SeededLedger seeded)
{
    private AuditReport Report => seeded.Fleet.Report;

    private PdfText Pdf => seeded.FleetText;

    [Fact]
    public void every_row_of_every_section_cites_its_events_with_the_actor_that_recorded_them()
    {
        Cited(Report.Eol.Select(r => r.Evidence).OfType<Citation>(), Report.Eol.Count);
        Cited(Report.Patches.Select(p => p.Release), Report.Patches.Count);
        Cited(Report.Patches.Where(p => p.AppliedAt is not null).Select(p => p.Applied!), Report.Patches.Count(p => p.AppliedAt is not null));
        Cited(Report.Windows.SelectMany(w => w.Evidence.Take(1)), Report.Windows.Count);
        Cited(Report.Notices.SelectMany(n => n.Evidence.Take(1)), Report.Notices.Count);
        Cited(Report.Staging.Select(s => s.Evidence), Report.Staging.Count);
        Cited(Report.Changes.SelectMany(c => c.Evidence.Take(1)), Report.Changes.Count);
        Cited(Report.Findings.SelectMany(f => f.Evidence.Take(1)), Report.Findings.Count);
        Cited(Report.Clusters.Select(c => c.Registered).OfType<Citation>(), Report.Clusters.Count);

        Report.Windows.Where(w => w.EndedAt is not null).ShouldAllBe(w => w.Evidence.Any(e => e.Role == "completed" || e.Role == "aborted"));
        Report.Patches.Select(p => p.Release).ShouldContain(r => r.Ref != null && r.Actor == "catalog:endoflife.date", "release facts recorded in the ledger are cited there");
        Report.Windows.SelectMany(w => w.Evidence).Select(e => e.Actor).Distinct().ShouldAllBe(a => a.StartsWith("ops:", StringComparison.Ordinal));
        Report.Eol.Select(r => r.Evidence!.Actor).Distinct().ShouldBe(["watcher:k8s"]);
    }

    [Fact]
    public void the_pdf_prints_each_detailed_rows_evidence_and_actor_under_it()
    {
        var eol = Report.Eol.Single(r => r.ClusterId == "billing-prod" && r.Component == "control-plane");
        Pdf.LinesWith($"observed {eol.Evidence!.Ref} by watcher:k8s").ShouldNotBeEmpty();

        var late = Report.Patches.First(p => p.Status == SlaStatus.Breached && p.AppliedAt is not null);
        Pdf.LinesWith($"{late.Release.Reference} by {late.Release.Actor}", $"applied {late.Applied!.Ref} by {late.Applied.Actor}").ShouldNotBeEmpty();

        var partial = Report.Windows.First(w => w.State == WindowResult.Partial);
        var completed = partial.Evidence.Single(e => e.Role == "completed");
        Pdf.LinesWith($"completed {completed.Ref} by {completed.Actor}").ShouldHaveSingleItem();

        var notice = Report.Notices.First(n => !n.Met);
        Pdf.LinesWith(notice.Evidence[0].ToString()).ShouldNotBeEmpty();
        var skipped = Report.Staging.First(s => s.Result == StagingResult.Skipped);
        Pdf.LinesWith(skipped.Evidence.ToString()).ShouldNotBeEmpty();
        var unrecorded = Report.Changes.Single(c => c.Route == ChangeRoute.Unrecorded);
        Pdf.LinesWith(unrecorded.Evidence[0].ToString()).ShouldNotBeEmpty();
        foreach (var f in Report.Findings.Where(f => !FindingKinds.IsDerived(f.Kind))) Pdf.LinesWith(f.Evidence[0].ToString()).ShouldNotBeEmpty(f.Subject);
    }

    private static void Cited(IEnumerable<Citation> citations, int rows)
    {
        var list = citations.ToList();
        list.Count.ShouldBe(rows, "one citation at least per row");
        list.ShouldAllBe(c => c.Actor.Length > 0 && c.Actor != "unknown actor");
        list.ShouldAllBe(c => c.Ref != null || c.Source != null);
    }
}
