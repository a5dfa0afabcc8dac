using SkiaSharp;

namespace Compliance.Adapters.Pdf.Composition;

/// <summary>
/// The layout pass: blocks are placed top to bottom on pages and leave drawing operations at fixed positions; pages
/// are drawn only once all are laid out, so headers and footers can say "page x of y".
/// </summary>
internal sealed class Flow
{
    private readonly List<List<Action<SKCanvas>>> pages = [[]];

    public float Y { get; private set; } = Theme.Top;

    public static float Left => Theme.Margin;

    public static float Width => Theme.ContentWidth;

    public float Remaining => Theme.Bottom - Y;

    public bool AtTopOfPage => Y <= Theme.Top;

    public IReadOnlyList<IReadOnlyList<Action<SKCanvas>>> Pages => pages;

    public void NewPage()
    {
        pages.Add([]);
        Y = Theme.Top;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> fits on this one (or this page is still empty).</summary>
    public void Ensure(float height)
    {
        if (height > Remaining && !AtTopOfPage) NewPage();
    }

    /// <summary>Reserves <paramref name="height"/> (on a new page if needed) and draws there with the reserved top.</summary>
    public void Place(float height, Action<SKCanvas, float> draw)
    {
        Ensure(height);
        var top = Y;
        pages[^1].Add(canvas => draw(canvas, top));
        Y += height;
    }

    public void Space(float height)
    {
        if (!AtTopOfPage) Y = Math.Min(Y + height, Theme.Bottom);
    }
}
