using Compliance.Adapters.Pdf.Composition;
using Compliance.Application.Reports;

namespace Compliance.Adapters.Pdf.Sections;

internal static class MaintenanceSection
{
    public static void Compose(Flow flow, AuditReport report)
    {
        flow.Section("4. Maintenance");
        var w = report.Windows;
        flow.Paragraph($"Windows starting in the period: {w.Count} scheduled, {w.Count(x => x.State == WindowState.Held)} held, " +
            $"{w.Count(x => x.State == WindowState.Missed)} missed, {w.Count(x => x.State == WindowState.Aborted)} aborted, " +
            $"{w.Count(x => x.State == WindowState.Upcoming)} not yet due. Contingency plan recorded for {w.Count(x => x.ContingencyPlan)}; " +
            $"retrospective recorded for {w.Count(x => x.RetrospectiveAt is not null)}.", Theme.Caption);
        Windows(flow, w);
        Notices(flow, report.Notices);
        Staging(flow, report.Staging);
        var process = report.Findings.Where(f => !FindingRow.IsDrain(f.Kind) && f.Kind != Domain.Verdicts.FindingKind.UnrecordedChange).ToList();
        flow.Heading("Process findings");
        if (process.Count == 0)
        {
            flow.Paragraph("No process finding in the period.");
            return;
        }

        FindingsSection.Table(flow, process);
    }

    private static void Windows(Flow flow, IReadOnlyList<WindowRow> windows)
    {
        flow.Heading("Windows");
        if (windows.Count == 0)
        {
            flow.Paragraph("No window was scheduled to start in the period.");
            return;
        }

        var table = new Table(
            new Column("Cluster", 3f), new Column("Window", 3f), new Column("Starts (UTC)", 3f), new Column("State", 1.7f), new Column("Contingency plan", 2.2f),
            new Column("Retrospective", 2.3f), new Column("Upgrades", 1.8f, Right: true), new Column("Drained", 1.6f, Right: true));
        foreach (var x in windows)
        {
            table.Add(x.ClusterId, x.WindowId, Format.Minute(x.StartsAt),
                new Cell(x.State.ToString().ToLowerInvariant(), x.State == WindowState.Missed ? Theme.Danger : x.State == WindowState.Aborted ? Theme.Warning : null, Bold: x.State == WindowState.Missed),
                new Cell(x.ContingencyPlan ? "yes" : "none", x.ContingencyPlan ? null : Theme.Danger),
                x.RetrospectiveAt is { } r ? Format.Day(r) : x.State == WindowState.Held ? new Cell("none", Theme.Danger) : "-",
                Format.Number(x.Upgrades), Format.Minutes(x.DrainedFor));
        }

        table.Layout(flow);
    }

    private static void Notices(Flow flow, IReadOnlyList<NoticeRow> notices)
    {
        flow.Heading("Notice of major changes");
        if (notices.Count == 0)
        {
            flow.Paragraph("No window in the period carried a change that is major for application teams.");
            return;
        }

        var table = new Table(new Column("Cluster", 3f), new Column("Window", 3f), new Column("Starts (UTC)", 3f), new Column("Announced (UTC)", 3f),
            new Column("Lead time", 1.8f, Right: true), new Column("Required", 1.6f, Right: true), new Column("Result", 1.6f));
        foreach (var n in notices)
        {
            table.Add(n.ClusterId, n.WindowId, Format.Minute(n.StartsAt), n.AnnouncedAt is { } a ? Format.Minute(a) : new Cell("not announced", Theme.Danger),
                n.LeadDays is { } d ? $"{Format.Number(d)} d" : "-", $"{n.RequiredDays} d",
                new Cell(n.Met ? "met" : "short", n.Met ? Theme.Good : Theme.Danger, Bold: true));
        }

        table.Layout(flow);
    }

    private static void Staging(Flow flow, IReadOnlyList<StagingRow> rows)
    {
        flow.Heading("Staging-first checks");
        if (rows.Count == 0)
        {
            flow.Paragraph("No production cluster with a linked staging cluster changed its control-plane version in the period.");
            return;
        }

        var table = new Table(new Column("Production cluster", 2.8f), new Column("Staging cluster", 2.8f), new Column("Version", 2.6f),
            new Column("Taken at (UTC)", 2.6f), new Column("Result", 2.6f), new Column("Evidence", 4.6f, Mono: true));
        foreach (var s in rows)
        {
            var result = s.Result switch
            {
                StagingResult.Passed => new Cell("staging ran it first", Theme.Good),
                StagingResult.Skipped => new Cell("staging skipped", Theme.Danger, Bold: true),
                _ => new Cell("exempt: emergency patch", Theme.Warning),
            };
            table.Add(s.ClusterId, s.StagingClusterId, s.Version, Format.Minute(s.TakenAt), result, Format.Evidence(s.Evidence));
        }

        table.Layout(flow);
    }
}
