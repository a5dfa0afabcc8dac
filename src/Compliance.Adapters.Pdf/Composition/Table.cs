using SkiaSharp;

namespace Compliance.Adapters.Pdf.Composition;

/// <summary>
/// A table column. <paramref name="Fit"/>: as wide as its widest cell, never wrapped (identifiers such as cluster names
/// stay whole and searchable); the other columns share the rest of the width by <paramref name="Weight"/>.
/// </summary>
internal sealed record Column(string Header, float Weight, bool Right = false, bool Mono = false, bool Fit = false);

internal sealed record Cell(string Text, SKColor? Color = null, bool Bold = false)
{
    public static implicit operator Cell(string text) => new(text);
}

/// <summary>
/// A table that breaks across pages: a row is never split (it moves to the next page whole), and the header row is
/// drawn again at the top of every page the table continues on. Cell text wraps within its column; a row may carry a
/// note drawn across the full width under its cells (the evidence it cites).
/// </summary>
internal sealed class Table(params Column[] columns)
{
    private const float Padding = 2.5f;
    private readonly List<(Cell[] Cells, string? Note)> rows = [];

    public int Count => rows.Count;

    public Table Add(params Cell[] cells) => AddWithNote(null, cells);

    /// <summary>A row with its note (evidence) under it, across the full width.</summary>
    public Table AddWithNote(string? note, params Cell[] cells)
    {
        if (cells.Length != columns.Length) throw new ArgumentException($"row has {cells.Length} cells for {columns.Length} columns", nameof(cells));
        rows.Add((cells, string.IsNullOrEmpty(note) ? null : note));
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
            var (lines, note, height) = Measure(rows[r], widths);
            if (height > flow.Remaining)
            {
                flow.NewPage();
                PlaceHeader(flow, header, widths, headerHeight);
            }

            var cells = rows[r].Cells;
            var striped = r % 2 == 1;
            flow.Place(height, (canvas, top) => DrawRow(canvas, top, height, cells, lines, note, widths, striped));
        }

        flow.Space(8);
    }

    /// <summary>Fit columns take their widest cell (or the widest word of their header); the rest share what is left by weight.</summary>
    private float[] Widths()
    {
        var widths = new float[columns.Length];
        var fixedWidth = 0f;
        for (var i = 0; i < columns.Length; i++)
        {
            if (!columns[i].Fit) continue;
            var widest = rows.Count == 0 ? 0 : rows.Max(r => StyleOf(r.Cells[i], i).Measure(r.Cells[i].Text));
            var headerWord = columns[i].Header.Split(' ').Max(w => Theme.TableHeader.Measure(w));
            widths[i] = MathF.Ceiling(Math.Max(widest, headerWord)) + (2 * Padding) + 1;
            fixedWidth += widths[i];
        }

        var total = columns.Where(c => !c.Fit).Sum(c => c.Weight);
        var left = Math.Max(Flow.Width - fixedWidth, Flow.Width * 0.2f);
        for (var i = 0; i < columns.Length; i++)
        {
            if (!columns[i].Fit) widths[i] = total == 0 ? 0 : left * columns[i].Weight / total;
        }

        return widths;
    }

    private (List<List<string>> Lines, List<string> Note, float Height) Measure((Cell[] Cells, string? Note) row, float[] widths)
    {
        var lines = row.Cells.Select((cell, i) => columns[i].Fit ? [cell.Text] : StyleOf(cell, i).Wrap(cell.Text, widths[i] - (2 * Padding))).ToList();
        var note = row.Note is null ? [] : Theme.Evidence.Wrap(row.Note, Flow.Width - (4 * Padding));
        return (lines, note, (lines.Max(l => l.Count) * Theme.Small.LineHeight) + (note.Count * Theme.Evidence.LineHeight) + (2 * Padding));
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

    private void DrawRow(SKCanvas canvas, float top, float height, Cell[] cells, List<List<string>> lines, List<string> note, float[] widths, bool striped)
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

        var baseline = top + Padding + (lines.Max(l => l.Count) * Theme.Small.LineHeight) + Theme.Evidence.Ascent;
        foreach (var line in note)
        {
            Theme.Evidence.Draw(canvas, line, Flow.Left + (2 * Padding), baseline);
            baseline += Theme.Evidence.LineHeight;
        }
    }

    /// <summary>Every cell's first line sits on the same baseline, whatever its face and size (a mono cell beside sans ones).</summary>
    private static void DrawLines(SKCanvas canvas, TextStyle style, List<string> lines, float x, float top, float width, bool right)
    {
        var baseline = top + Padding + Math.Max(style.Ascent, Theme.Small.Ascent);
        foreach (var line in lines)
        {
            if (right) style.Draw(canvas, line, x + width - Padding, baseline, SKTextAlign.Right);
            else style.Draw(canvas, line, x + Padding, baseline);
            baseline += style.LineHeight;
        }
    }
}
