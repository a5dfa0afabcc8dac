using Compliance.Adapters.Pdf.Composition;
using Compliance.Application.Reports;

namespace Compliance.Adapters.Pdf.Sections;

/// <summary>The forward view: each cluster's next window and its planned changes against the deadlines within the horizon; mismatches first.</summary>
internal static class ForwardSection
{
    public static void Compose(Flow flow, AuditReport report)
    {
        var horizon = report.Request.Rules.HorizonDays;
        flow.Section("9. Forward view", newPage: false);
        var rows = report.Forward;
        var withDeadlines = rows.Where(r => r.Deadlines.Count > 0).OrderByDescending(r => r.Mismatch).ThenBy(r => r.Deadlines.Min(d => d.Due)).ThenBy(r => r.ClusterId, StringComparer.Ordinal).ToList();
        var quiet = rows.Count - withDeadlines.Count;
        var noWindow = rows.Count(r => r.WindowId is null);
        flow.Paragraph($"As of {Format.Instant(report.Request.AsOf)}: each cluster's next scheduled window and the changes it plans, against the components whose support ends within " +
            $"{horizon} days (or has ended). A deadline is covered when the next window plans to move that component to another cycle; a patch within the cycle does not. " +
            $"{withDeadlines.Count(r => r.Mismatch)} cluster(s) have a deadline their next window does not cover; {quiet} cluster(s) have no deadline within the horizon; " +
            $"{noWindow} cluster(s) have no window scheduled. The upgrade plan's status is not computed yet.", Theme.Caption);
        if (withDeadlines.Count == 0)
        {
            flow.Paragraph($"No running component reaches its end of support within {horizon} days.");
            return;
        }

        var table = new Table(new Column("Cluster", 1, Fit: true), new Column("Owner", 1, Fit: true), new Column("Next window", 3.2f), new Column("Planned changes", 5.4f),
            new Column("Deadlines within the horizon", 6.4f));
        foreach (var r in withDeadlines)
        {
            var window = r.WindowId is null ? new Cell("none scheduled", Theme.Danger, Bold: true) : new Cell($"{r.WindowId} {Format.Minute(r.StartsAt!.Value)}");
            var deadlines = string.Join("; ", r.Deadlines.Select(d =>
                $"{d.Component} {d.Product} {d.Cycle} {Format.Level(d.Level)} due {Format.Day(d.Due)}: {(d.Covered ? "covered" : "NOT covered")}"));
            table.AddWithNote(r.Scheduled is null ? null : Format.Evidence(r.Scheduled),
                r.ClusterId, r.Owner, window, r.Planned.Count == 0 ? "none" : string.Join("; ", r.Planned),
                new Cell(deadlines, r.Mismatch ? Theme.Danger : Theme.Good, Bold: r.Mismatch));
        }

        table.Layout(flow);
    }
}
