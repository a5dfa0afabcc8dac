using SkiaSharp;

namespace Compliance.Adapters.Pdf.Composition;

/// <summary>
/// A face, size and colour; measures and wraps text in its font. Glyphs are placed by the font's own (linear, unhinted)
/// advances: hinted advances are rounded to a pixel grid the PDF does not have, which left a visible gap after wide
/// glyphs ("com ponent") and split words in text extraction. Styles live for the process (drawing is single-threaded per document).
/// </summary>
internal sealed class TextStyle(SKTypeface typeface, float size, SKColor color)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<SKColor, TextStyle> colored = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<float, TextStyle> sized = new();
    private readonly SKPaint paint = new() { Color = color, IsAntialias = true };

    public SKFont Font { get; } = new(typeface, size) { Subpixel = true, Edging = SKFontEdging.Antialias, Hinting = SKFontHinting.None, LinearMetrics = true };

    public SKColor Color { get; } = color;

    public float Size { get; } = size;

    public float LineHeight => Size * 1.3f;

    public float Ascent => Size * 0.95f;

    /// <summary>The same face and size in another colour (one instance per colour).</summary>
    public TextStyle With(SKColor other) => other == Color ? this : colored.GetOrAdd(other, c => new TextStyle(Font.Typeface, Size, c));

    /// <summary>The same face and colour at another size (one instance per size).</summary>
    public TextStyle Sized(float other) => other == Size ? this : sized.GetOrAdd(other, z => new TextStyle(Font.Typeface, z, Color));

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
        lock (paint) canvas.DrawText(text, x, baseline, align, Font, paint);
    }

    /// <summary>How much of a too-wide word fits: up to a '-', '/', '@' or '.' in its second half when there is one, so ids break where they read.</summary>
    private int Fit(string word, float width)
    {
        var n = word.Length - 1;
        while (n > 1 && Measure(word[..n]) > width) n--;
        var soft = word.AsSpan(0, n).LastIndexOfAny("-/@.");
        return soft >= n / 2 ? soft + 1 : n;
    }
}
