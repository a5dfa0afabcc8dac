using Compliance.Adapters.Pdf.Composition;
using Compliance.Application.Reports;
using Compliance.Domain.Verdicts;

namespace Compliance.Adapters.Pdf.Sections;

/// <summary>Patch latency by exception: the histogram, counts per cluster and area, then every patch that missed its SLA or is still open, detailed.</summary>
internal static class PatchSection
{
    private static readonly PatchArea[] Areas = Enum.GetValues<PatchArea>();

    public static void Compose(Flow flow, AuditReport report)
    {
        flow.Section("4. Patch latency");
        var rows = report.Patches;
        var s = report.Summary;
        var inPeriod = rows.Where(p => !p.CarriedOver).ToList();
        flow.Paragraph($"Every patch released in the period to a cycle a cluster was running below it, one row per patch and cluster: {inPeriod.Count} pair(s) for " +
            $"{inPeriod.Select(p => (p.Product, p.Version)).Distinct().Count()} patch release(s), and {rows.Count - inPeriod.Count} released earlier still owed at the start of the period. " +
            "Applied is the first instant every instance of every listed component ran the patch or newer (for kubelets, the last node); latency runs from the release to then. " +
            $"SLA: critical security patches within 72 hours, other patches within 35 days, unless a cluster's policy says otherwise. Met {s.Sla.AppliedWithinSla}, " +
            $"breached {s.PatchesBreached}; {s.PatchesOpenPastSla} of all owed are still not applied past their SLA, {s.PatchesOpenWithinSla} open within it.", Theme.Caption);
        LatencyChart.Compose(flow, report);
        if (rows.Count == 0)
        {
            flow.Paragraph("No patch was released in the period for a cycle running in scope.");
            return;
        }

        Counts(flow, report);
        Exceptions(flow, report);
    }

    private static void Counts(Flow flow, AuditReport report)
    {
        flow.Heading("Applied within SLA per cluster and area (met / due)");
        var table = new Table([new Column("Cluster", 1, Fit: true), .. Areas.Select(a => new Column(Name(a), 1.5f, Right: true)),
            new Column("Total", 1.5f, Right: true), new Column("Breached", 1.3f, Right: true), new Column("Open", 1.1f, Right: true)]);
        foreach (var c in report.Results)
        {
            var total = c.PatchTotal;
            table.Add([new Cell(c.ClusterId), .. Areas.Select(a => c.Patches.TryGetValue(a, out var n) ? new Cell($"{n.Met} / {n.Due}", n.Met < n.Due ? Theme.Danger : null) : new Cell("-")),
                new Cell($"{total.Met} / {total.Due}", Bold: true), new Cell(Format.Number(total.Breached), total.Breached > 0 ? Theme.Danger : null), Format.Number(total.Open)]);
        }

        table.Layout(flow);
    }

    private static void Exceptions(Flow flow, AuditReport report)
    {
        var late = report.Patches.Where(p => p.Status != SlaStatus.Met).ToList();
        flow.Heading($"Breached or still open ({late.Count})");
        if (late.Count == 0)
        {
            flow.Paragraph("Every patch due was applied within its SLA.");
            return;
        }

        var table = new Table(
            new Column("Patch", 4.2f), new Column("Released (UTC)", 2.2f), new Column("Cluster", 1, Fit: true), new Column("Owner", 1, Fit: true), new Column("Components", 2.8f),
            new Column("Due (UTC)", 2.2f), new Column("Applied (UTC)", 2.5f), new Column("Latency", 1.5f, Right: true), new Column("Status", 1.8f));
        foreach (var p in late)
        {
            var status = p.Status == SlaStatus.Breached ? p.AppliedAt is null ? "open past SLA" : "breached" : "open";
            table.AddWithNote(Format.Evidence(p.Evidence),
                $"{p.Product} {p.Version}{(p.Critical ? " (critical)" : "")}{(p.CarriedOver ? " (earlier)" : "")}", Format.Minute(p.ReleasedAt), p.ClusterId, p.Owner, p.Component,
                Format.Minute(p.DueAt), p.AppliedAt is { } a ? Format.Minute(a) : $"not applied, {Format.Duration(p.Age)} old",
                Format.Duration(p.Latency), new Cell(status, Theme.Status(p.Status), Bold: true));
        }

        table.Layout(flow);
    }

    private static string Name(PatchArea area) => area switch
    {
        PatchArea.Kubernetes => "Kubernetes",
        PatchArea.Os => "OS",
        PatchArea.Kernel => "Kernel",
        PatchArea.Runtime => "Runtime",
        PatchArea.AddOn => "Add-ons",
        _ => area.ToString(),
    };
}
