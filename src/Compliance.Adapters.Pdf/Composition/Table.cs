using SkiaSharp;

namespace Compliance.Adapters.Pdf.Composition;

internal sealed record Column(string Header, float Weight, bool Right = false, bool Mono = false);

internal sealed record Cell(string Text, SKColor? Color = null, bool Bold = false)
{
    public static implicit operator Cell(string text) => new(text);
}

/// <summary>
/// A table that breaks across pages: a row is never split (it moves to the next page whole), and the header row is
/// drawn again at the top of every page the table continues on. Cell text wraps within its column.
/// </summary>
internal sealed class Table(params Column[] columns)
{
    private const float Padding = 3f;
    private readonly List<Cell[]> rows = [];

    public int Count => rows.Count;

    public Table Add(params Cell[] cells)
    {
        if (cells.Length != columns.Length) throw new ArgumentException($"row has {cells.Length} cells for {columns.Length} columns", nameof(cells));
        rows.Add(cells);
        return this;
    }

    public void Layout(Flow flow)
    {
        var widths = Widths();
        var header = columns.Select((c, i) => Theme.TableHeader.Wrap(c.Header, widths[i] - (2 * Padding))).ToList();
        var headerHeight = (header.Max(l => l.Count) * Theme.TableHeader.LineHeight) + (2 * Padding);
        var first = rows.Count == 0 ? headerHeight : headerHeight + Measure(rows[0], widths).Height;
        flow.Ensure(first);
        PlaceHeader(flow, header, widths, headerHeight);
        for (var r = 0; r < rows.Count; r++)
        {
            var (lines, height) = Measure(rows[r], widths);
            if (height > flow.Remaining)
            {
                flow.NewPage();
                PlaceHeader(flow, header, widths, headerHeight);
            }

            var cells = rows[r];
            var striped = r % 2 == 1;
            flow.Place(height, (canvas, top) => DrawRow(canvas, top, height, cells, lines, widths, striped));
        }

        flow.Space(8);
    }

    private float[] Widths()
    {
        var total = columns.Sum(c => c.Weight);
        return [.. columns.Select(c => Flow.Width * c.Weight / total)];
    }

    private (List<List<string>> Lines, float Height) Measure(Cell[] cells, float[] widths)
    {
        var lines = cells.Select((cell, i) => StyleOf(cell, i).Wrap(cell.Text, widths[i] - (2 * Padding))).ToList();
        return (lines, (lines.Max(l => l.Count) * Theme.Small.LineHeight) + (2 * Padding));
    }

    private TextStyle StyleOf(Cell cell, int column)
    {
        var style = columns[column].Mono ? Theme.Mono : cell.Bold ? Theme.SmallBold : Theme.Small;
        return cell.Color is { } color ? style.With(color) : style;
    }

    private void PlaceHeader(Flow flow, List<List<string>> header, float[] widths, float height) =>
        flow.Place(height, (canvas, top) =>
        {
            using var fill = new SKPaint { Color = Theme.HeaderFill };
            canvas.DrawRect(Flow.Left, top, Flow.Width, height, fill);
            var x = Flow.Left;
            for (var i = 0; i < columns.Length; i++)
            {
                DrawLines(canvas, Theme.TableHeader, header[i], x, top, widths[i], columns[i].Right);
                x += widths[i];
            }
        });

    private void DrawRow(SKCanvas canvas, float top, float height, Cell[] cells, List<List<string>> lines, float[] widths, bool striped)
    {
        if (striped)
        {
            using var fill = new SKPaint { Color = Theme.Stripe };
            canvas.DrawRect(Flow.Left, top, Flow.Width, height, fill);
        }

        using var rule = new SKPaint { Color = Theme.Rule, StrokeWidth = 0.4f, IsStroke = true };
        canvas.DrawLine(Flow.Left, top + height, Flow.Left + Flow.Width, top + height, rule);
        var x = Flow.Left;
        for (var i = 0; i < cells.Length; i++)
        {
            DrawLines(canvas, StyleOf(cells[i], i), lines[i], x, top, widths[i], columns[i].Right);
            x += widths[i];
        }
    }

    private static void DrawLines(SKCanvas canvas, TextStyle style, List<string> lines, float x, float top, float width, bool right)
    {
        var baseline = top + Padding + style.Ascent;
        foreach (var line in lines)
        {
            if (right) style.Draw(canvas, line, x + width - Padding, baseline, SKTextAlign.Right);
            else style.Draw(canvas, line, x + Padding, baseline);
            baseline += style.LineHeight;
        }
    }
}
