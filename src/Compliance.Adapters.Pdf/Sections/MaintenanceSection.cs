using System.Globalization;
using Compliance.Adapters.Pdf.Composition;
using Compliance.Application.Reports;
using Compliance.Domain.Verdicts;

namespace Compliance.Adapters.Pdf.Sections;

/// <summary>Maintenance by exception: windows per cluster and state, then each window not held as planned, each short notice and each staging-first exception.</summary>
internal static class MaintenanceSection
{
    public static void Compose(Flow flow, AuditReport report)
    {
        flow.Section("5. Maintenance");
        var w = report.Windows;
        flow.Paragraph($"Windows starting in the period: {w.Count} scheduled, {Count(w, WindowResult.Held)} held, {Count(w, WindowResult.Partial)} partial, " +
            $"{Count(w, WindowResult.Aborted)} aborted or failed, {Count(w, WindowResult.Missed)} missed, {Count(w, WindowResult.NoOutcome)} without a recorded outcome, " +
            $"{Count(w, WindowResult.Upcoming) + Count(w, WindowResult.InProgress)} not yet due. A window is held only when it completed as planned; {ReportPolicy.WindowScoring}. " +
            $"Contingency plan recorded for {w.Count(x => x.ContingencyPlan)}; retrospective recorded for {w.Count(x => x.RetrospectiveAt is not null)}.", Theme.Caption);
        PerCluster(flow, report);
        Windows(flow, w);
        Notices(flow, report.Notices);
        Staging(flow, report.Staging);
    }

    private static int Count(IReadOnlyList<WindowRow> windows, WindowResult state) => windows.Count(x => x.State == state);

    private static void PerCluster(Flow flow, AuditReport report)
    {
        flow.Heading("Windows per cluster");
        var table = new Table(new Column("Cluster", 1, Fit: true), new Column("Due", 1, Right: true), new Column("Held", 1, Right: true), new Column("Partial", 1.2f, Right: true),
            new Column("Aborted or failed", 1.5f, Right: true), new Column("Missed", 1.2f, Right: true), new Column("No outcome", 1.3f, Right: true), new Column("Score", 1.3f, Right: true),
            new Column("Notice met / short", 1.7f, Right: true), new Column("Staging first / skipped", 1.9f, Right: true));
        foreach (var c in report.Results)
        {
            int N(WindowResult s) => c.Windows.GetValueOrDefault(s);
            var due = c.Windows.Where(kv => WindowOutcomes.ScoreOf(kv.Key) is not null).Sum(kv => kv.Value);
            table.Add(c.ClusterId, Format.Number(due), Format.Number(N(WindowResult.Held)), Flag(N(WindowResult.Partial)), Flag(N(WindowResult.Aborted)),
                Flag(N(WindowResult.Missed)), Flag(N(WindowResult.NoOutcome)), c.WindowScore is { } score ? Format.Percent(score) : "-",
                $"{c.NoticesMet} / {c.NoticesShort}", $"{c.StagingPassed} / {c.StagingSkipped}");
        }

        table.Layout(flow);
    }

    private static Cell Flag(int count) => new(Format.Number(count), count > 0 ? Theme.Danger : null, Bold: count > 0);

    private static void Windows(Flow flow, IReadOnlyList<WindowRow> windows)
    {
        var exceptions = windows.Where(x => !x.AsPlanned || !x.ContingencyPlan || (x.State == WindowResult.Held && x.RetrospectiveAt is null)).ToList();
        flow.Heading($"Windows not held as planned, or without a plan or retrospective ({exceptions.Count})");
        if (exceptions.Count == 0)
        {
            flow.Paragraph("Every window due was held as planned, with a contingency plan and a retrospective.");
            return;
        }

        var table = new Table(
            new Column("Cluster", 1, Fit: true), new Column("Window", 1, Fit: true), new Column("Starts (UTC)", 1, Fit: true), new Column("Outcome", 1, Fit: true),
            new Column("Reason recorded", 6f), new Column("Plan", 1, Fit: true), new Column("Retro", 1, Fit: true), new Column("Done / planned", 1, Fit: true, Right: true));
        foreach (var x in exceptions)
        {
            var bad = x.State is not (WindowResult.Held or WindowResult.Upcoming or WindowResult.InProgress);
            // The schedule and the recorded end prove the outcome; the start is in the population export.
            table.AddWithNote(Format.Evidence(x.Evidence.Where(e => e.Role != "started")),
                x.ClusterId, x.WindowId, Format.Minute(x.StartsAt),
                new Cell(Format.State(x.State), bad ? Theme.Danger : null, Bold: bad),
                x.Reason ?? (x.State == WindowResult.Missed ? "not started by its end" : "-"),
                new Cell(x.ContingencyPlan ? "yes" : "none", x.ContingencyPlan ? null : Theme.Danger),
                x.RetrospectiveAt is { } r ? Format.Day(r) : x.Score is null ? "-" : new Cell("none", Theme.Danger),
                string.Create(CultureInfo.InvariantCulture, $"{x.Upgrades} / {x.Planned}"));
        }

        table.Layout(flow);
    }

    private static void Notices(Flow flow, IReadOnlyList<NoticeRow> notices)
    {
        var shortOnes = notices.Where(n => !n.Met).ToList();
        flow.Heading($"Notice of major changes: {notices.Count - shortOnes.Count} met, {shortOnes.Count} short");
        if (notices.Count == 0)
        {
            flow.Paragraph("No window in the period carried a change that is major for application teams.");
            return;
        }

        if (shortOnes.Count == 0)
        {
            flow.Paragraph("Every major change was announced at least the required notice ahead.");
            return;
        }

        var table = new Table(new Column("Cluster", 1, Fit: true), new Column("Window", 1, Fit: true), new Column("Starts (UTC)", 3f), new Column("Announced (UTC)", 3f),
            new Column("Lead time", 1.8f, Right: true), new Column("Required", 1.6f, Right: true), new Column("Result", 1.6f));
        foreach (var n in shortOnes)
        {
            table.AddWithNote(Format.Evidence(n.Evidence),
                n.ClusterId, n.WindowId, Format.Minute(n.StartsAt), n.AnnouncedAt is { } a ? Format.Minute(a) : new Cell("not announced", Theme.Danger),
                n.LeadDays is { } d ? $"{Format.Number(d)} d" : "-", $"{n.RequiredDays} d", new Cell("short", Theme.Danger, Bold: true));
        }

        table.Layout(flow);
    }

    private static void Staging(Flow flow, IReadOnlyList<StagingRow> rows)
    {
        var exceptions = rows.Where(s => s.Result != StagingResult.Passed).ToList();
        flow.Heading($"Staging-first checks: {rows.Count - exceptions.Count} passed, {exceptions.Count(s => s.Result == StagingResult.Skipped)} skipped, " +
            $"{exceptions.Count(s => s.Result == StagingResult.ExemptEmergency)} exempt as emergency patches");
        if (rows.Count == 0)
        {
            flow.Paragraph("No production cluster with a linked staging cluster changed its control-plane version in the period.");
            return;
        }

        if (exceptions.Count == 0)
        {
            flow.Paragraph("Every control-plane change of production ran in its staging cluster first for the soak period.");
            return;
        }

        var table = new Table(new Column("Production cluster", 1, Fit: true), new Column("Staging cluster", 1, Fit: true), new Column("Version", 2.6f),
            new Column("Taken at (UTC)", 2.6f), new Column("Result", 3f));
        foreach (var s in exceptions)
        {
            var result = s.Result == StagingResult.Skipped ? new Cell("staging skipped", Theme.Danger, Bold: true) : new Cell("exempt: emergency patch", Theme.Warning);
            table.AddWithNote(Format.Evidence(s.Evidence), s.ClusterId, s.StagingClusterId, s.Version, Format.Minute(s.TakenAt), result);
        }

        table.Layout(flow);
    }
}
