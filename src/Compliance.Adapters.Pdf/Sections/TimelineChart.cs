using System.Globalization;
using Compliance.Adapters.Pdf.Composition;
using Compliance.Application.Reports;
using Compliance.Domain.Verdicts;
using SkiaSharp;

namespace Compliance.Adapters.Pdf.Sections;

/// <summary>
/// The control-plane timeline: one band per cluster, a bar per version coloured part by part with the EOL level it had
/// at the time, the version's label inside its bar, and a red notch above and below the bar at each cycle's end of life
/// (outside the bar, so it never crosses a label).
/// </summary>
internal static class TimelineChart
{
    public const float Band = 16f;
    public const float BarTop = 3.5f;
    public const float BarBottom = 12.5f;
    private const float AxisHeight = 14f;
    private const float LabelSize = 6f;

    /// <summary>A coloured part of a bar, in chart coordinates (x from the chart's left, y from its top).</summary>
    public sealed record Bar(int Row, SKRect Rect, EolLevel Level);

    public sealed record Label(int Row, SKRect Box, string Text);

    public sealed record Tick(int Row, float X, float Top, float Bottom);

    /// <summary>Where everything goes for <paramref name="rows"/> over [start, right] in a chart <paramref name="width"/> wide, names in the first <paramref name="names"/> points.</summary>
    public sealed record Layout(IReadOnlyList<Bar> Bars, IReadOnlyList<Label> Labels, IReadOnlyList<Tick> Ticks, IReadOnlyList<Tick> Starts, float Names, float Width, float Height);

    public static Layout Lay(IReadOnlyList<TimelineRow> rows, DateTime start, DateTime right, float width)
    {
        var names = rows.Max(r => Theme.Small.Measure(r.ClusterId)) + 8;
        var plot = width - names;
        float X(DateTimeOffset at) => names + (float)((at.UtcDateTime - start).TotalDays / (right - start).TotalDays * plot);
        var style = LabelStyle;
        var bars = new List<Bar>();
        var labels = new List<Label>();
        var ticks = new List<Tick>();
        var starts = new List<Tick>();
        for (var i = 0; i < rows.Count; i++)
        {
            var top = i * Band;
            foreach (var s in rows[i].Segments)
            {
                foreach (var span in s.Spans) bars.Add(new Bar(i, new SKRect(X(span.From), top + BarTop, X(span.To), top + BarBottom), span.Level));
                starts.Add(new Tick(i, X(s.From), top + BarTop, top + BarBottom));
                var room = X(s.To) - X(s.From) - 4;
                var full = $"{s.Version}{(s.Eol is { } e ? $" (EOL {Format.Day(e)})" : "")}";
                var text = style.Measure(full) <= room ? full : style.Measure(s.Version) <= room ? s.Version : "";
                if (text.Length == 0) continue;
                var baseline = top + ((BarTop + BarBottom) / 2) + (LabelSize * 0.35f);
                labels.Add(new Label(i, new SKRect(X(s.From) + 2, baseline - style.Ascent, X(s.From) + 2 + style.Measure(text), baseline + (LabelSize * 0.25f)), text));
            }

            foreach (var eol in rows[i].Segments.Select(s => s.Eol).OfType<DateOnly>().Distinct())
            {
                var at = Days.StartOf(eol);
                if (at.UtcDateTime < start || at.UtcDateTime > right) continue;
                ticks.Add(new Tick(i, X(at), top + 0.5f, top + BarTop - 0.5f));
                ticks.Add(new Tick(i, X(at), top + BarBottom + 0.5f, top + Band - 0.5f));
            }
        }

        return new Layout(bars, labels, ticks, starts, names, width, (rows.Count * Band) + AxisHeight);
    }

    public static void Draw(SKCanvas canvas, SKRect area, IReadOnlyList<TimelineRow> rows, Layout layout, DateTime start, DateTime end, DateTime right)
    {
        canvas.Save();
        canvas.Translate(area.Left, area.Top);
        var plot = layout.Width - layout.Names;
        float X(DateTime at) => layout.Names + (float)((at - start).TotalDays / (right - start).TotalDays * plot);
        var bottom = rows.Count * Band;
        for (var m = new DateTime(start.Year, start.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1); m <= right; m = m.AddMonths(1))
        {
            canvas.Line(X(m), 0, X(m), bottom, Theme.Rule, 0.3f);
            if (m.Month % 2 == 1 || (right - start).TotalDays < 200)
                Theme.Caption.Draw(canvas, m.ToString("yyyy-MM", CultureInfo.InvariantCulture), X(m), bottom + 9, SKTextAlign.Center);
        }

        for (var i = 0; i < rows.Count; i++) Theme.Small.Draw(canvas, rows[i].ClusterId, 0, (i * Band) + ((BarTop + BarBottom) / 2) + 2.6f);
        foreach (var bar in layout.Bars) canvas.FillRect(bar.Rect, Chart.Tint(Theme.Level(bar.Level), 0.55f));
        // A thin white line where one version gives way to the next.
        foreach (var edge in layout.Starts) canvas.Line(edge.X, edge.Top, edge.X, edge.Bottom, SKColors.White, 0.8f);
        foreach (var label in layout.Labels) LabelStyle.Draw(canvas, label.Text, label.Box.Left, label.Box.Top + LabelStyle.Ascent);
        foreach (var tick in layout.Ticks) canvas.Line(tick.X, tick.Top, tick.X, tick.Bottom, Theme.Danger, 1.6f);
        canvas.Line(X(end), 0, X(end), bottom, Theme.Muted, 0.8f, dashed: true);
        canvas.Restore();
    }

    private static TextStyle LabelStyle => Theme.Small.Sized(LabelSize);
}
