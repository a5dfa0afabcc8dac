using Compliance.Adapters.Pdf.Composition;
using Compliance.Application.Reports;
using Compliance.Domain.Verdicts;
using SkiaSharp;

namespace Compliance.Adapters.Pdf.Sections;

/// <summary>Per cluster, the control-plane versions over the period as bars, and a red tick at each cycle's end of life.</summary>
internal static class TimelineSection
{
    private const int ClustersPerChart = 18;

    public static void Compose(Flow flow, AuditReport report)
    {
        flow.Heading("Control-plane version timeline", keepWith: 200);
        flow.Paragraph("One row per cluster: each bar is a control-plane version over the period, coloured by its EOL level at the end of the bar " +
            "(red eol, orange high, amber medium, green low, grey unknown) and labelled with the version and its cycle's EOL date. " +
            "A red tick marks each cycle's end-of-life date where it falls on the chart.", Theme.Caption);
        var rows = report.Timelines;
        if (rows.Count == 0)
        {
            flow.Paragraph("No control-plane version was observed in the period.");
            return;
        }

        var start = report.Request.PeriodStart.UtcDateTime;
        var end = report.Request.PeriodEnd.UtcDateTime;
        var right = end.AddDays(Math.Max(30, (end - start).TotalDays / 6));
        for (var first = 0; first < rows.Count; first += ClustersPerChart)
        {
            var chunk = rows.Skip(first).Take(ClustersPerChart).ToList();
            flow.Place(Plot(chunk, start, end, right), 40 + (chunk.Count * 22));
        }
    }

    private static ScottPlot.Plot Plot(List<TimelineRow> rows, DateTime start, DateTime end, DateTime right)
    {
        var plot = Chart.NewPlot();
        var positions = new double[rows.Count];
        var labels = new string[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var y = rows.Count - 1 - i;
            positions[i] = y;
            labels[i] = rows[i].ClusterId;
            foreach (var s in rows[i].Segments)
            {
                var bar = plot.Add.Rectangle(s.From.UtcDateTime.ToOADate(), s.To.UtcDateTime.ToOADate(), y - 0.32, y + 0.32);
                bar.FillStyle.Color = Color(Theme.Level(s.LevelAtEnd)).WithAlpha(0.75);
                bar.LineStyle.Width = 0.5f;
                bar.LineStyle.Color = ScottPlot.Colors.White;
                // Label a bar only where its text fits inside it (the chart spans the content width over [start, right]).
                var label = $"{s.Version}{(s.Eol is { } e ? $" (EOL {Format.Day(e)})" : "")}";
                var points = (s.To - s.From).TotalDays / (right - start).TotalDays * (Flow.Width - 80);
                if (Theme.Small.Measure(label) * 0.9 > points) label = Theme.Small.Measure(s.Version) * 0.9 <= points ? s.Version : "";
                if (label.Length == 0) continue;
                var text = plot.Add.Text(label, s.From.UtcDateTime.ToOADate(), y);
                text.LabelFontSize = 6.5f;
                text.LabelFontColor = ScottPlot.Colors.Black;
                text.LabelAlignment = ScottPlot.Alignment.MiddleLeft;
            }

            foreach (var eol in rows[i].Segments.Select(s => s.Eol).OfType<DateOnly>().Distinct())
            {
                var x = eol.ToDateTime(TimeOnly.MinValue);
                if (x < start || x > right) continue;
                var tick = plot.Add.Line(x.ToOADate(), y - 0.45, x.ToOADate(), y + 0.45);
                tick.LineWidth = 2;
                tick.LineColor = Color(Theme.Danger);
            }
        }

        var periodEnd = plot.Add.VerticalLine(end.ToOADate());
        periodEnd.LineColor = Color(Theme.Muted);
        periodEnd.LinePattern = ScottPlot.LinePattern.Dashed;
        plot.Axes.Left.SetTicks(positions, labels);
        var months = new List<DateTime>();
        for (var m = new DateTime(start.Year, start.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1); m <= right; m = m.AddMonths(1)) months.Add(m);
        var step = Math.Max(1, months.Count / 8);
        var shown = months.Where((_, i) => i % step == 0).ToList();
        plot.Axes.Bottom.SetTicks([.. shown.Select(m => m.ToOADate())], [.. shown.Select(m => m.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture))]);
        plot.Axes.SetLimits(start.ToOADate(), right.ToOADate(), -0.6, rows.Count - 0.4);
        return plot;
    }

    public static ScottPlot.Color Color(SKColor c) => new(c.Red, c.Green, c.Blue);

    public static EolLevel Worst(TimelineRow row) => row.Segments.MaxBy(s => (int)s.LevelAtEnd)?.LevelAtEnd ?? EolLevel.Unknown;
}
