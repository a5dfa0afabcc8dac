using Compliance.Adapters.Pdf.Composition;
using Compliance.Application.Reports;
using Compliance.Domain.Verdicts;

namespace Compliance.Adapters.Pdf.Sections;

internal static class PatchSection
{
    public static void Compose(Flow flow, AuditReport report)
    {
        flow.Section("3. Patch latency");
        var rows = report.Patches;
        var s = report.Summary;
        flow.Paragraph($"Every patch released in the period to a cycle a cluster was running below it, one row per patch and cluster: {rows.Count} row(s) for " +
            $"{rows.Select(p => (p.Product, p.Version)).Distinct().Count()} patch release(s). Applied is the first instant every instance of every listed component " +
            "ran the patch or newer (for kubelets, the last node); latency runs from the release to then. SLA: critical security patches within 72 hours, other " +
            $"patches within 35 days, unless a cluster's policy says otherwise. Met {rows.Count(p => p.Status == SlaStatus.Met)}, " +
            $"breached {s.PatchesBreached}, open {s.PatchesOpen}.", Theme.Caption);
        LatencyChart.Compose(flow, report);
        if (rows.Count == 0)
        {
            flow.Paragraph("No patch was released in the period for a cycle running in scope.");
            return;
        }

        var table = new Table(
            new Column("Product", 3.2f), new Column("Patch", 3f), new Column("Released", 2f), new Column("Cluster", 2.7f), new Column("Components", 3.4f),
            new Column("Applied (UTC)", 2.8f), new Column("Latency", 1.6f, Right: true), new Column("Status", 1.9f));
        foreach (var p in rows)
        {
            table.Add(p.Product, p.Critical ? $"{p.Version} (critical)" : p.Version, Format.Day(p.ReleasedAt), p.ClusterId, p.Component,
                p.AppliedAt is { } a ? Format.Minute(a) : $"not applied, {Format.Duration(p.Age)} old",
                Format.Duration(p.Latency), new Cell(Format.Status(p.Status), Theme.Status(p.Status), Bold: true));
        }

        table.Layout(flow);
    }
}
