using Compliance.Adapters.Pdf.Composition;
using Compliance.Application.Reports;
using Compliance.Domain.Verdicts;

namespace Compliance.Adapters.Pdf.Sections;

internal static class FindingsSection
{
    public static void Unrecorded(Flow flow, AuditReport report)
    {
        flow.Section("5. Unrecorded changes");
        flow.Paragraph("Version changes observed in a cluster with no maintenance window open and no emergency patch recorded for the product.", Theme.Caption);
        var rows = report.Unrecorded.ToList();
        if (rows.Count == 0)
        {
            flow.Paragraph("No unrecorded change in the period.");
            return;
        }

        Table(flow, rows);
    }

    public static void Drain(Flow flow, AuditReport report)
    {
        flow.Section("6. Drain readiness");
        var rows = report.DrainFindings.ToList();
        flow.Paragraph($"Workload and capacity risks that slow or block draining nodes during a window: {rows.Count(r => r.Open)} open at as-of, " +
            $"{rows.Count(r => !r.Open)} resolved in the period.", Theme.Caption);
        if (rows.Count == 0) flow.Paragraph("No drain-readiness finding in the period.");
        else Table(flow, rows);

        flow.Heading("Estimated drain time per window");
        flow.Paragraph($"Estimate, as the cluster stood at the window's start: {DrainReadiness.Formula}. Recorded: the node drains recorded in the window.", Theme.Caption);
        if (report.DrainWindows.Count == 0)
        {
            flow.Paragraph("No window in the period.");
            return;
        }

        var table = new Table(new Column("Cluster", 3f), new Column("Window", 3f), new Column("Starts (UTC)", 3f), new Column("Nodes", 1.2f, Right: true),
            new Column("Estimated", 1.8f, Right: true), new Column("Recorded", 1.8f, Right: true));
        foreach (var d in report.DrainWindows)
        {
            table.Add(d.ClusterId, d.WindowId, Format.Minute(d.StartsAt), Format.Number(d.Nodes), Format.Minutes(d.Estimated), Format.Minutes(d.Recorded));
        }

        table.Layout(flow);
    }

    /// <summary>Findings with cluster, kind, when found and resolved, and what was found.</summary>
    public static void Table(Flow flow, IEnumerable<FindingRow> rows)
    {
        var table = new Table(new Column("Cluster", 2.6f), new Column("Finding", 4f), new Column("Detected (UTC)", 2.2f), new Column("Resolved (UTC)", 2.2f), new Column("Detail", 7.4f));
        foreach (var f in rows)
        {
            table.Add(f.ClusterId, new Cell(Format.Kind(f.Kind), f.Open ? Theme.Danger : null, Bold: f.Open), Format.Minute(f.DetectedAt),
                f.ResolvedAt is { } r ? Format.Minute(r) : new Cell("open", Theme.Danger), f.Detail);
        }

        table.Layout(flow);
    }
}
