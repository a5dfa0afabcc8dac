using SkiaSharp;

namespace Compliance.Adapters.Pdf.Composition;

/// <summary>
/// Drawing helpers for the report's charts, drawn as vectors straight onto the PDF page in the report's own text
/// styles (so chart text extracts as whole words like the rest of the page).
/// </summary>
internal static class Chart
{
    /// <summary>Reserves <paramref name="height"/> points of the content width and draws in that rectangle.</summary>
    public static void PlaceChart(this Flow flow, float height, Action<SKCanvas, SKRect> draw)
    {
        flow.Place(height, (canvas, top) => draw(canvas, new SKRect(Flow.Left, top, Flow.Left + Flow.Width, top + height)));
        flow.Space(6);
    }

    /// <summary>The colour mixed with white: <paramref name="strength"/> 1 is the colour itself, 0 white.</summary>
    public static SKColor Tint(SKColor color, float strength) => new(
        (byte)(255 - ((255 - color.Red) * strength)),
        (byte)(255 - ((255 - color.Green) * strength)),
        (byte)(255 - ((255 - color.Blue) * strength)));

    public static void FillRect(this SKCanvas canvas, SKRect rect, SKColor color)
    {
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        canvas.DrawRect(rect, paint);
    }

    public static void Line(this SKCanvas canvas, float x0, float y0, float x1, float y1, SKColor color, float width, bool dashed = false)
    {
        using var effect = dashed ? SKPathEffect.CreateDash([3f, 2f], 0) : null;
        using var paint = new SKPaint { Color = color, StrokeWidth = width, IsStroke = true, IsAntialias = true, PathEffect = effect };
        canvas.DrawLine(x0, y0, x1, y1, paint);
    }

    /// <summary>A row of colour swatches with their labels, left to right from <paramref name="x"/>; returns where it ended.</summary>
    public static float Legend(this SKCanvas canvas, IEnumerable<(SKColor Color, string Label)> items, float x, float baseline)
    {
        foreach (var (color, label) in items)
        {
            canvas.FillRect(new SKRect(x, baseline - 6, x + 8, baseline), color);
            Theme.Caption.Draw(canvas, label, x + 11, baseline);
            x += 11 + Theme.Caption.Measure(label) + 10;
        }

        return x;
    }
}
