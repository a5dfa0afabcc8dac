using UglyToad.PdfPig;

namespace Compliance.Adapters.Pdf.Tests;

/// <summary>A PDF read back with PdfPig: per page, its text lines (words on one baseline, left to right; descenders do not split a line).</summary>
public sealed class PdfText
{
    private PdfText(IReadOnlyList<IReadOnlyList<string>> pages, IReadOnlyList<string> words, IReadOnlyDictionary<string, double> gaps, IReadOnlyDictionary<string, string> info)
    {
        Pages = pages;
        Words = words;
        Gaps = gaps;
        Info = info;
    }

    /// <summary>
    /// Per word, the widest blank between two of its letters (points): where a glyph ends by the font's widths and where
    /// the next one is drawn. A viewer's text extraction turns a blank wider than a fraction of the size into a space.
    /// </summary>
    public IReadOnlyDictionary<string, double> Gaps { get; }

    /// <summary>Every word as PdfPig's word extractor splits the text (what a search in a viewer finds).</summary>
    public IReadOnlyList<string> Words { get; }

    public IReadOnlyList<IReadOnlyList<string>> Pages { get; }

    public IReadOnlyDictionary<string, string> Info { get; }

    public IEnumerable<string> Lines => Pages.SelectMany(p => p);

    public string All => string.Join("\n", Lines);

    public static PdfText Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var pages = new List<IReadOnlyList<string>>();
        var words = new List<string>();
        var gaps = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var page in document.GetPages())
        {
            var onPage = page.GetWords().ToList();
            words.AddRange(onPage.Select(w => w.Text));
            foreach (var w in onPage)
            {
                var widest = 0.0;
                for (var k = 1; k < w.Letters.Count; k++) widest = Math.Max(widest, w.Letters[k].StartBaseLine.X - w.Letters[k - 1].EndBaseLine.X);
                gaps[w.Text] = Math.Max(gaps.GetValueOrDefault(w.Text), widest);
            }
            pages.Add([.. onPage
                .GroupBy(w => Math.Round(w.Letters[0].StartBaseLine.Y))
                .OrderByDescending(g => g.Key)
                .Select(g => string.Join(" ", g.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text)))]);
        }

        var i = document.Information;
        var info = new Dictionary<string, string>
        {
            ["Title"] = i.Title ?? "",
            ["Author"] = i.Author ?? "",
            ["Subject"] = i.Subject ?? "",
            ["CreationDate"] = i.CreationDate ?? "",
            ["ModifiedDate"] = i.ModifiedDate ?? "",
        };
        return new PdfText(pages, words, gaps, info);
    }

    /// <summary>The lines holding every fragment.</summary>
    public List<string> LinesWith(params string[] fragments) => [.. Lines.Where(l => fragments.All(f => l.Contains(f, StringComparison.Ordinal)))];

    /// <summary>The lines of the pages from the first one holding <paramref name="start"/> up to the first holding <paramref name="end"/>.</summary>
    public List<string> Section(string start, string end)
    {
        var lines = Lines.ToList();
        var from = lines.FindIndex(l => l.Contains(start, StringComparison.Ordinal));
        var to = lines.FindIndex(from + 1, l => l.Contains(end, StringComparison.Ordinal));
        return from < 0 ? [] : lines[from..(to < 0 ? lines.Count : to)];
    }
}
