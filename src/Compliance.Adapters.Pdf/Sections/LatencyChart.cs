using Compliance.Adapters.Pdf.Composition;
using Compliance.Application.Reports;

namespace Compliance.Adapters.Pdf.Sections;

/// <summary>How long patches took to reach clusters: a histogram of latencies in days, critical and other patches apart, with both SLA lines.</summary>
internal static class LatencyChart
{
    private static readonly double[] Edges = [0, 1, 2, 3, 5, 7, 14, 21, 28, 35, 50, 75, 100];

    public static void Compose(Flow flow, AuditReport report)
    {
        var applied = report.Patches.Where(p => p.Latency is not null).ToList();
        if (applied.Count == 0) return;
        var plot = Chart.NewPlot();
        var critical = Counts(applied.Where(p => p.Critical).Select(p => p.Latency!.Value.TotalDays));
        var other = Counts(applied.Where(p => !p.Critical).Select(p => p.Latency!.Value.TotalDays));
        var criticalBars = plot.Add.Bars(critical.Select((v, i) => new ScottPlot.Bar { Position = i - 0.2, Value = v, Size = 0.4, FillColor = TimelineSection.Color(Theme.Danger) }).ToArray());
        criticalBars.LegendText = "critical security patches";
        var otherBars = plot.Add.Bars(other.Select((v, i) => new ScottPlot.Bar { Position = i + 0.2, Value = v, Size = 0.4, FillColor = TimelineSection.Color(Theme.Accent) }).ToArray());
        otherBars.LegendText = "other patches";
        // Bin i holds [Edges[i], Edges[i+1]); a boundary at Edges[k] sits between bins k-1 and k.
        Line(plot, Array.IndexOf(Edges, 3) - 0.5, "critical SLA 72 h");
        Line(plot, Array.IndexOf(Edges, 35) - 0.5, "SLA 35 days");
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, Edges.Length).Select(i => (double)i)], [.. Enumerable.Range(0, Edges.Length).Select(Label)]);
        plot.Axes.Bottom.Label.Text = "latency from release to application (days)";
        plot.Axes.Left.Label.Text = "patches x clusters";
        plot.Axes.Margins(bottom: 0);
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = ScottPlot.Alignment.UpperRight;
        plot.Legend.FontSize = 7;
        flow.Place(plot, 210);
    }

    private static void Line(ScottPlot.Plot plot, double x, string label)
    {
        var line = plot.Add.VerticalLine(x);
        line.LineColor = TimelineSection.Color(Theme.Danger);
        line.LinePattern = ScottPlot.LinePattern.Dashed;
        line.Text = label;
        line.LabelFontSize = 7;
        line.LabelOppositeAxis = true;
    }

    private static double[] Counts(IEnumerable<double> days)
    {
        var counts = new double[Edges.Length];
        foreach (var d in days)
        {
            var bin = Array.FindLastIndex(Edges, e => d >= e);
            counts[Math.Max(0, bin)]++;
        }

        return counts;
    }

    private static string Label(int i) => i == Edges.Length - 1 ? $"{Edges[i]}+" : $"{Edges[i]}-{Edges[i + 1]}";
}
