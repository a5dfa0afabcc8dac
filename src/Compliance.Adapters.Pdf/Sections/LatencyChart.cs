using System.Globalization;
using Compliance.Adapters.Pdf.Composition;
using Compliance.Application.Reports;
using SkiaSharp;

namespace Compliance.Adapters.Pdf.Sections;

/// <summary>
/// How long patches took to reach clusters: a histogram of latencies on a logarithmic time axis, each bin drawn over its
/// own range (so the 1-day bin and the 35-to-50-day bin are as wide as they are), critical and other patches side by
/// side within it, and both SLA lines where they fall.
/// </summary>
internal static class LatencyChart
{
    /// <summary>Bin edges in hours: under 1 h, then up to 6 h, 1 d, 72 h, 7, 14, 21, 28, 35, 50, 75, 100 days, and 100 days or more.</summary>
    public static readonly double[] Edges = [0, 1, 6, 24, 72, 168, 336, 504, 672, 840, 1200, 1800, 2400];

    private const double AxisFrom = 0.25;
    private const double AxisTo = 4800;
    private const float Left = 34f;
    private const float Top = 16f;
    private const float PlotHeight = 120f;
    public const float Height = Top + PlotHeight + 32f;

    /// <summary>One bin: its range in hours (the last is open-ended), its counts, and its horizontal extent in chart points.</summary>
    public sealed record Bin(double From, double? To, int Critical, int Other, float X0, float X1)
    {
        public string Label => To is null ? $"{Span(From)}+" : From == 0 ? $"< {Span(To.Value)}" : $"{Span(From)}-{Span(To.Value)}";
    }

    /// <summary>The bins of the applied latencies, placed on the logarithmic axis of a chart <paramref name="width"/> points wide.</summary>
    public static IReadOnlyList<Bin> Bins(IEnumerable<(double Hours, bool Critical)> latencies, float width)
    {
        var list = latencies.ToList();
        var bins = new List<Bin>();
        for (var i = 0; i < Edges.Length; i++)
        {
            var from = Edges[i];
            double? to = i + 1 < Edges.Length ? Edges[i + 1] : null;
            bool In(double h) => h >= from && (to is null || h < to);
            bins.Add(new Bin(from, to, list.Count(l => l.Critical && In(l.Hours)), list.Count(l => !l.Critical && In(l.Hours)),
                X(i == 0 ? AxisFrom : from, width), X(to ?? AxisTo, width)));
        }

        return bins;
    }

    /// <summary>Where an instant of <paramref name="hours"/> falls on the axis.</summary>
    public static float X(double hours, float width) =>
        Left + (float)(Math.Log(Math.Max(hours, AxisFrom) / AxisFrom) / Math.Log(AxisTo / AxisFrom) * (width - Left - 8));

    public static void Compose(Flow flow, AuditReport report)
    {
        var applied = report.Patches.Where(p => p.Latency is not null).Select(p => (p.Latency!.Value.TotalHours, p.Critical)).ToList();
        if (applied.Count == 0)
        {
            flow.Paragraph("No patch was applied in the period, so there is no latency to chart.", Theme.Caption);
            return;
        }

        var critical = applied.Count(a => a.Critical);
        var bins = Bins(applied, Flow.Width);
        flow.PlaceChart(Height, (canvas, area) => Draw(canvas, area, bins, critical > 0));
        var counts = new Table([new Column("Latency", 2.2f), .. bins.Select(b => new Column(b.Label, 1.6f, Right: true))]);
        counts.Add([new Cell("critical"), .. bins.Select(b => new Cell(Format.Number(b.Critical)))]);
        counts.Add([new Cell("other"), .. bins.Select(b => new Cell(Format.Number(b.Other)))]);
        counts.Layout(flow);
        flow.Paragraph(
            "Bars span their latency range on a logarithmic axis (heights are counts of patch and cluster pairs); the first bin is under 1 hour, the last open-ended. " +
            (critical == 0
                ? "No critical security patch was applied in the period: the critical series is empty."
                : string.Create(CultureInfo.InvariantCulture, $"{critical} critical security patch application(s) in the period.")),
            Theme.Caption);
    }

    private static void Draw(SKCanvas canvas, SKRect area, IReadOnlyList<Bin> bins, bool anyCritical)
    {
        canvas.Save();
        canvas.Translate(area.Left, area.Top);
        var width = area.Width;
        var max = Math.Max(1, bins.Max(b => Math.Max(b.Critical, b.Other)));
        var step = NiceStep(max);
        var top = (int)Math.Ceiling(max / (double)step) * step;
        float Y(double v) => Top + PlotHeight - (float)(v / top * PlotHeight);
        for (var v = 0; v <= top; v += step)
        {
            canvas.Line(Left, Y(v), width - 8, Y(v), Theme.Rule, 0.3f);
            Theme.Caption.Draw(canvas, v.ToString(CultureInfo.InvariantCulture), Left - 3, Y(v) + 2.5f, SKTextAlign.Right);
        }

        var tickLabel = Theme.Caption.Sized(6f);
        for (var i = 0; i < bins.Count; i++)
        {
            var b = bins[i];
            var middle = (b.X0 + b.X1) / 2;
            var open = b.To is null || b.From == 0;
            if (b.Critical > 0) canvas.FillRect(new SKRect(b.X0 + 0.5f, Y(b.Critical), middle, Y(0)), open ? Chart.Tint(Theme.Danger, 0.5f) : Theme.Danger);
            if (b.Other > 0) canvas.FillRect(new SKRect(middle, Y(b.Other), b.X1 - 0.5f, Y(0)), open ? Chart.Tint(Theme.Accent, 0.5f) : Theme.Accent);
            if (b.From == 0) continue;
            // Edge labels alternate between two lines, so the narrow bins of the weeks keep their labels apart.
            canvas.Line(b.X0, Y(0), b.X0, Y(0) + (i % 2 == 0 ? 3 : 10), Theme.Muted, 0.5f);
            tickLabel.Draw(canvas, Span(b.From), b.X0, Y(0) + (i % 2 == 0 ? 9 : 16), SKTextAlign.Center);
        }

        canvas.Line(Left, Y(0), width - 8, Y(0), Theme.Muted, 0.6f);
        foreach (var (hours, label) in new[] { (72.0, "critical SLA 72 h"), (840.0, "SLA 35 days") })
        {
            var x = X(hours, width);
            canvas.Line(x, Top - 4, x, Y(0), Theme.Danger, 0.9f, dashed: true);
            Theme.Caption.With(Theme.Danger).Draw(canvas, label, x + 2, Top - 5);
        }

        Theme.Caption.Draw(canvas, "latency from release to application (logarithmic axis)", width / 2, Top + PlotHeight + 27, SKTextAlign.Center);
        canvas.Legend(
        [
            (Theme.Danger, anyCritical ? "critical security patches" : "critical security patches: none applied in the period"),
            (Theme.Accent, "other patches"),
        ], Left, 7);
        canvas.Restore();
    }

    private static int NiceStep(int max) => max <= 5 ? 1 : max <= 10 ? 2 : max <= 25 ? 5 : max <= 50 ? 10 : max <= 100 ? 20 : max <= 250 ? 50 : max <= 500 ? 100 : (int)Math.Pow(10, Math.Floor(Math.Log10(max)));

    private static string Span(double hours) => hours < 72 ? string.Create(CultureInfo.InvariantCulture, $"{hours:0} h") : string.Create(CultureInfo.InvariantCulture, $"{hours / 24:0} d");
}
