using Compliance.Adapters.Pdf.Composition;
using Compliance.Application.Reports;
using Compliance.Domain.Verdicts;

namespace Compliance.Adapters.Pdf.Sections;

/// <summary>
/// End-of-life risk by exception: running instances per cluster and level, then each version at eol or high detailed
/// (owner, due date, evidence), the unknowns grouped, and the control-plane timeline of the clusters that came near their end of life.
/// </summary>
internal static class EolSection
{
    private const int TimelineRows = 38;

    public static void Compose(Flow flow, AuditReport report)
    {
        flow.Section("3. End-of-life risk");
        var day = Format.Day(report.EolDay);
        flow.Paragraph($"Every component version running at the end of {day}, judged by its cycle's support dates. Low and medium are counted per cluster; " +
            "eol and high are listed one version per row with the date they are due (the end of standard support, or of extended support where the cluster's " +
            "policy counts it) and the observation that put the version there; unknowns are grouped by reason.", Theme.Caption);
        Counts(flow, report);

        var exceptions = report.Eol.Where(r => r.Level is EolLevel.Eol or EolLevel.High).ToList();
        flow.Heading($"Versions at eol or high ({exceptions.Count})");
        if (exceptions.Count == 0) flow.Paragraph("No running version is at eol or high.");
        else
        {
            var table = new Table(
                new Column("Cluster", 1, Fit: true), new Column("Owner", 1, Fit: true), new Column("Component", 4.2f), new Column("Version", 1, Fit: true),
                new Column("End of standard support (days)", 3.1f), new Column("End of extended support (days)", 3.1f), new Column("Level", 1, Fit: true),
                new Column("Patches behind", 1.5f, Right: true), new Column("Due; status", 2.8f));
            foreach (var r in exceptions)
            {
                var due = r.DueOn is { } d ? Format.Day(d) : "-";
                var overdue = r.DueOn is { } dd && dd <= report.EolDay;
                table.AddWithNote(Format.Evidence(r.Evidence) + (r.Note is { Length: > 0 } note ? $"; note: {note}" : ""),
                    r.ClusterId, r.Owner,
                    r.Instances > 1 ? $"{r.Component} ({r.Instances})" : r.Component,
                    $"{r.Product} {r.Version}",
                    Format.DayWithCount(r.Eol, r.DaysToEol), Format.DayWithCount(r.Eoes, r.DaysToEoes),
                    new Cell(Format.Level(r.Level), Theme.Level(r.Level), Bold: true), Format.Number(r.PatchesBehind),
                    r.Accepted is { } a
                        ? new Cell($"{due}; accepted until {Format.Day(a.Until)}")
                        : new Cell(r.InProduction ? $"{due}; {(overdue ? "overdue" : "open")}" : $"{due}; {r.Environment}, no finding", overdue && r.InProduction ? Theme.Danger : null, Bold: overdue));
            }

            table.Layout(flow);
        }

        Unknowns(flow, report);
        Timeline(flow, report);
    }

    private static void Counts(Flow flow, AuditReport report)
    {
        flow.Heading("Running instances per cluster and level");
        var table = new Table(new Column("Cluster", 1, Fit: true), new Column("Environment", 1.8f), new Column("eol", 1, Right: true), new Column("high", 1, Right: true),
            new Column("medium", 1, Right: true), new Column("low", 1, Right: true), new Column("unknown", 1, Right: true), new Column("Worst", 1.3f));
        foreach (var c in report.Results)
        {
            int N(EolLevel l) => c.Eol.GetValueOrDefault(l);
            var worst = new[] { EolLevel.Eol, EolLevel.High, EolLevel.Medium, EolLevel.Unknown, EolLevel.Low }.FirstOrDefault(l => N(l) > 0, EolLevel.Unknown);
            table.Add(c.ClusterId, c.Environment, Format.Number(N(EolLevel.Eol)), Format.Number(N(EolLevel.High)), Format.Number(N(EolLevel.Medium)),
                Format.Number(N(EolLevel.Low)), Format.Number(N(EolLevel.Unknown)), new Cell(Format.Level(worst), Theme.Level(worst), Bold: true));
        }

        table.Layout(flow);
    }

    private static void Unknowns(Flow flow, AuditReport report)
    {
        var s = report.Summary;
        flow.Heading($"Unknown level: {s.EolUnknown} instance(s), {Format.Percent(s.UnknownShare)} of those running");
        if (report.Unknowns.Count == 0)
        {
            flow.Paragraph("Every running version has a known level.");
            return;
        }

        flow.Paragraph("Left out of E (section 1) and counted here: the catalog cannot place these versions, so no level is claimed for them.", Theme.Caption);
        var table = new Table(new Column("Product and version", 3.4f), new Column("Why unknown", 5f), new Column("Instances", 1.3f, Right: true), new Column("Clusters", 6f));
        foreach (var u in report.Unknowns)
        {
            var clusters = u.Clusters.Count <= 6 ? string.Join(", ", u.Clusters) : $"{string.Join(", ", u.Clusters.Take(5))} and {u.Clusters.Count - 5} more";
            table.AddWithNote(u.FirstEvidence is null ? null : $"first: {Format.Evidence(u.FirstEvidence)}",
                $"{(u.Product.Length > 0 ? u.Product + " " : "")}{u.Version}", u.Reason, Format.Number(u.Instances), clusters);
        }

        table.Layout(flow);
    }

    private static void Timeline(Flow flow, AuditReport report)
    {
        var rows = report.Timelines.Where(t => t.Worst is EolLevel.Eol or EolLevel.High or EolLevel.Medium or EolLevel.Unknown).ToList();
        flow.Heading("Control-plane version timeline", keepWith: 160);
        flow.Paragraph($"The clusters whose control plane was at medium, high, eol or unknown at some time in the period ({rows.Count} of {report.Timelines.Count}; the others stayed low " +
            "throughout). Each bar is a version, coloured part by part with the level it had at the time; a red notch above and below the bar marks its cycle's end of life.", Theme.Caption);
        if (rows.Count == 0) return;
        var start = report.Request.PeriodStart.UtcDateTime;
        var end = report.Request.PeriodEnd.UtcDateTime;
        var right = end.AddDays(Math.Max(30, (end - start).TotalDays / 6));
        flow.Place(12, (canvas, top) => canvas.Legend(
            new[] { EolLevel.Eol, EolLevel.High, EolLevel.Medium, EolLevel.Low, EolLevel.Unknown }.Select(l => (Chart.Tint(Theme.Level(l), 0.55f), Format.Level(l))), Flow.Left, top + 8));
        for (var first = 0; first < rows.Count; first += TimelineRows)
        {
            var chunk = rows.Skip(first).Take(TimelineRows).ToList();
            var layout = TimelineChart.Lay(chunk, start, right, Flow.Width);
            flow.PlaceChart(layout.Height, (canvas, area) => TimelineChart.Draw(canvas, area, chunk, layout, start, end, right));
        }
    }
}
