using SkiaSharp;

namespace Compliance.Adapters.Pdf.Composition;

/// <summary>Text blocks, banners and key-value lists placed through a <see cref="Flow"/>.</summary>
internal static class Blocks
{
    /// <summary>Wrapped text; long paragraphs continue on the next page line by line.</summary>
    public static void Paragraph(this Flow flow, string text, TextStyle? style = null, float after = 6)
    {
        var s = style ?? Theme.Body;
        foreach (var line in s.Wrap(text, Flow.Width))
        {
            flow.Place(s.LineHeight, (canvas, top) => s.Draw(canvas, line, Flow.Left, top + s.Ascent));
        }

        flow.Space(after);
    }

    /// <summary>A section heading, kept with at least <paramref name="keepWith"/> points of what follows.</summary>
    public static void Heading(this Flow flow, string text, TextStyle? style = null, float keepWith = 80)
    {
        var s = style ?? Theme.H2;
        flow.Space(6);
        flow.Ensure(s.LineHeight + 6 + keepWith);
        flow.Place(s.LineHeight + 4, (canvas, top) =>
        {
            s.Draw(canvas, text, Flow.Left, top + s.Ascent);
            if (s == Theme.H1)
            {
                using var rule = new SKPaint { Color = Theme.Accent, StrokeWidth = 1.2f, IsStroke = true };
                canvas.DrawLine(Flow.Left, top + s.LineHeight + 1, Flow.Left + Flow.Width, top + s.LineHeight + 1, rule);
            }
        });
        flow.Space(4);
    }

    /// <summary>
    /// A section with a level-one heading: on a new page, or with <paramref name="newPage"/> false after what came before
    /// when a third of a page is left (short sections do not take a page each).
    /// </summary>
    public static void Section(this Flow flow, string title, bool newPage = true)
    {
        if (!flow.AtTopOfPage && (newPage || flow.Remaining < (Theme.Bottom - Theme.Top) / 3)) flow.NewPage();
        else flow.Space(14);
        flow.Heading(title, Theme.H1, 40);
    }

    /// <summary>A coloured box with a bold first line and wrapped detail (verification results, key warnings).</summary>
    public static void Banner(this Flow flow, string title, string detail, SKColor ink, SKColor fill)
    {
        var titleStyle = Theme.BannerTitle.With(ink);
        var detailStyle = Theme.Body.With(ink);
        var lines = detailStyle.Wrap(detail, Flow.Width - 20);
        var height = 16 + titleStyle.LineHeight + (lines.Count * detailStyle.LineHeight);
        flow.Place(height, (canvas, top) =>
        {
            using var paint = new SKPaint { Color = fill };
            canvas.DrawRect(Flow.Left, top, Flow.Width, height, paint);
            using var edge = new SKPaint { Color = ink, StrokeWidth = 1.5f, IsStroke = true };
            canvas.DrawRect(Flow.Left, top, Flow.Width, height, edge);
            titleStyle.Draw(canvas, title, Flow.Left + 10, top + 8 + titleStyle.Ascent);
            var baseline = top + 8 + titleStyle.LineHeight + detailStyle.Ascent;
            foreach (var line in lines)
            {
                detailStyle.Draw(canvas, line, Flow.Left + 10, baseline);
                baseline += detailStyle.LineHeight;
            }
        });
        flow.Space(10);
    }

    /// <summary>Label / value pairs in two columns; values wrap.</summary>
    public static void KeyValues(this Flow flow, IEnumerable<(string Key, string Value)> pairs, float keyWidth = 120)
    {
        foreach (var (key, value) in pairs)
        {
            var lines = Theme.Body.Wrap(value, Flow.Width - keyWidth);
            var height = lines.Count * Theme.Body.LineHeight + 2;
            flow.Place(height, (canvas, top) =>
            {
                Theme.Strong.With(Theme.Muted).Draw(canvas, key, Flow.Left, top + Theme.Body.Ascent);
                var baseline = top + Theme.Body.Ascent;
                foreach (var line in lines)
                {
                    Theme.Body.Draw(canvas, line, Flow.Left + keyWidth, baseline);
                    baseline += Theme.Body.LineHeight;
                }
            });
        }

        flow.Space(6);
    }
}
