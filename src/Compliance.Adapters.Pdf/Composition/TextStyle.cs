using SkiaSharp;

namespace Compliance.Adapters.Pdf.Composition;

/// <summary>A face, size and colour; measures and wraps text in its font.</summary>
internal sealed class TextStyle(SKTypeface typeface, float size, SKColor color)
{
    public SKFont Font { get; } = new(typeface, size) { Subpixel = true, Edging = SKFontEdging.Antialias };

    public SKColor Color { get; } = color;

    public float Size { get; } = size;

    public float LineHeight => Size * 1.3f;

    public float Ascent => Size * 0.95f;

    public TextStyle With(SKColor color) => new(Font.Typeface, Size, color);

    public float Measure(string text) => Font.MeasureText(text);

    /// <summary>Lines of at most <paramref name="width"/> points: breaks at spaces, and inside a word only when the word alone is too wide.</summary>
    public List<string> Wrap(string text, float width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Measure(candidate) <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0) lines.Add(line);
                line = word;
                while (line.Length > 1 && Measure(line) > width)
                {
                    var fit = Fit(line, width);
                    lines.Add(line[..fit]);
                    line = line[fit..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    public void Draw(SKCanvas canvas, string text, float x, float baseline, SKTextAlign align = SKTextAlign.Left)
    {
        using var paint = new SKPaint { Color = Color, IsAntialias = true };
        canvas.DrawText(text, x, baseline, align, Font, paint);
    }

    private int Fit(string word, float width)
    {
        var n = word.Length - 1;
        while (n > 1 && Measure(word[..n]) > width) n--;
        return n;
    }
}
