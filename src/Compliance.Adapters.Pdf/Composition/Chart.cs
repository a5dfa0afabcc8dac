using SkiaSharp;

namespace Compliance.Adapters.Pdf.Composition;

/// <summary>A ScottPlot chart drawn as vectors straight onto the PDF page (no bitmap), in the report's fonts.</summary>
internal static class Chart
{
    private static readonly Lazy<bool> Registered = new(() =>
    {
        ScottPlot.Fonts.FontResolvers.Insert(0, new EmbeddedFontResolver());
        ScottPlot.Fonts.Default = PdfFonts.SansFamily;
        ScottPlot.Fonts.Sans = PdfFonts.SansFamily;
        ScottPlot.Fonts.Monospace = PdfFonts.MonoFamily;
        return true;
    });

    /// <summary>A new plot set up for print: the report's fonts, white background, small type.</summary>
    public static ScottPlot.Plot NewPlot()
    {
        _ = Registered.Value;
        var plot = new ScottPlot.Plot();
        plot.Font.Set(PdfFonts.SansFamily);
        plot.FigureBackground.Color = ScottPlot.Colors.White;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 7;
        plot.Axes.Left.TickLabelStyle.FontSize = 7;
        plot.Axes.Bottom.Label.FontSize = 8;
        plot.Axes.Left.Label.FontSize = 8;
        return plot;
    }

    public static void Place(this Flow flow, ScottPlot.Plot plot, float height)
    {
        flow.Place(height, (canvas, top) =>
        {
            canvas.Save();
            canvas.Translate(Flow.Left, top);
            canvas.ClipRect(new SKRect(0, 0, Flow.Width, height));
            plot.Render(canvas, (int)Flow.Width, (int)height);
            canvas.Restore();
        });
        flow.Space(6);
    }

    private sealed class EmbeddedFontResolver : ScottPlot.IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) => fontName switch
        {
            PdfFonts.SansFamily => bold ? PdfFonts.Bold : PdfFonts.Sans,
            PdfFonts.MonoFamily => PdfFonts.Mono,
            _ => null,
        };

        public SKTypeface? CreateTypeface(string fontName, ScottPlot.FontWeight weight, ScottPlot.FontSlant slant, ScottPlot.FontSpacing spacing) =>
            CreateTypeface(fontName, weight >= ScottPlot.FontWeight.SemiBold, slant != ScottPlot.FontSlant.Upright);
    }
}
