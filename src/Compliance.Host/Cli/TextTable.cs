using System.Text;

namespace Compliance.Host.Cli;

/// <summary>
/// A plain-text table that fits the screen: a header row, columns padded to their widest cell, no trailing spaces.
/// Wider than the screen (and not --wide), the flexible column (the note, detail or text; by default the last) is
/// wrapped in place when at least <see cref="MinimumWrapWidth"/> columns are left for it, else printed wrapped on lines
/// of its own under its row; then the other columns are cut with "…" where the cut shortens the fewest cells.
/// Every cell goes through <see cref="TerminalText.Safe"/>, so stored text never reaches the terminal raw. A column
/// may colour its cells (on a colour screen only).
/// </summary>
internal sealed class TextTable
{
    public const int MinimumWrapWidth = 24;
    private const int Gap = 2;
    private const int ShortColumn = 16;
    private const int Indent = 4;
    private readonly string[] headers;
    private readonly List<string[]> rows = [];
    private readonly Dictionary<int, Func<string, string?>> colours = [];
    private readonly HashSet<int> kept = [];

    public TextTable(params string[] headers)
    {
        this.headers = headers;
        Wrap = headers.Length - 1;
    }

    /// <summary>The column wrapped when the table is too wide (default: the last).</summary>
    public int Wrap { get; init; }

    public int Count => rows.Count;

    public void Add(params string?[] cells) => rows.Add([.. cells.Select(TerminalText.Safe)]);

    /// <summary>Columns never cut to fit the screen (a coloured column never is either): dates and counts that read wrong cut.</summary>
    public TextTable Keep(params int[] columns)
    {
        foreach (var column in columns) kept.Add(column);
        return this;
    }

    private bool Kept(int column) => kept.Contains(column) || colours.ContainsKey(column);

    /// <summary>Colours the cells of column <paramref name="column"/>: the ANSI code for a cell's text, or null for none.</summary>
    public TextTable Colour(int column, Func<string, string?> code)
    {
        colours[column] = code;
        return this;
    }

    /// <summary>The table for a plain writer: 120 columns (or $COLUMNS), no colour.</summary>
    public override string ToString() => Render(Screen.Of(TextWriter.Null));

    public void WriteTo(TextWriter output) => output.Write(Render(Screen.Of(output)));

    public string Render(Screen screen)
    {
        ArgumentNullException.ThrowIfNull(screen);
        var widths = headers.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var below = false;
        if (!screen.Wide && Total(widths) > screen.Width)
        {
            var room = screen.Width - (Total(widths) - widths[Wrap]);
            if (room >= Math.Min(MinimumWrapWidth, widths[Wrap])) widths[Wrap] = room;
            else
            {
                below = true;
                widths[Wrap] = -Gap;
                Cut(widths, screen.Width);
            }
        }

        var text = new StringBuilder();
        var paint = screen.Colour ? colours : null;
        Row(text, headers, widths, null, below);
        Row(text, [.. widths.Select(w => new string('-', Math.Max(0, w)))], widths, null, below);
        foreach (var row in rows)
        {
            Row(text, row, widths, paint, below);
            if (!below || row[Wrap].Length == 0) continue;
            foreach (var line in WrapText(row[Wrap], Math.Max(MinimumWrapWidth, screen.Width - Indent))) text.Append(' ', Indent).Append(line).Append('\n');
        }

        return text.ToString();
    }

    private static int Total(int[] widths) => widths.Sum() + Gap * (widths.Length - 1);

    /// <summary>
    /// Narrows the other columns one character at a time: first the long ones (over <see cref="ShortColumn"/>, such as
    /// ids and versions), each time the one whose cut shortens the fewest cells, down to 8; then, if still too wide, the
    /// widest of all; never below the header. Kept and coloured columns (a date, a level) are never cut.
    /// </summary>
    private void Cut(int[] widths, int width)
    {
        var floors = widths.Select((w, i) => w <= ShortColumn ? w : Math.Max(headers[i].Length, 8)).ToArray();
        while (Total(widths) > width)
        {
            var candidates = Enumerable.Range(0, widths.Length).Where(i => i != Wrap && !Kept(i) && widths[i] > floors[i]).ToList();
            if (candidates.Count == 0) break;
            widths[candidates.MinBy(i => (rows.Count(r => r[i].Length >= widths[i]), -widths[i]))]--;
        }

        while (Total(widths) > width)
        {
            var candidates = Enumerable.Range(0, widths.Length).Where(i => i != Wrap && !Kept(i) && widths[i] > Math.Max(headers[i].Length, 4)).ToList();
            if (candidates.Count == 0) return;
            widths[candidates.MaxBy(i => widths[i])]--;
        }
    }

    private void Row(StringBuilder text, string[] cells, int[] widths, Dictionary<int, Func<string, string?>>? colour, bool below)
    {
        var wrapped = below ? [""] : WrapText(cells[Wrap], widths[Wrap]);
        for (var line = 0; line < wrapped.Count; line++)
        {
            var parts = new string[cells.Length];
            for (var i = 0; i < cells.Length; i++) parts[i] = i == Wrap ? wrapped[line] : line == 0 ? Fit(cells[i], widths[i]) : "";
            var last = Array.FindLastIndex(parts, p => p.Length > 0);
            for (var i = 0; i <= last; i++)
            {
                if (below && i == Wrap) continue;
                var code = colour is not null && line == 0 && colour.TryGetValue(i, out var paint) ? paint(cells[i]) : null;
                text.Append(code is null ? parts[i] : $"\u001b[{code}m{parts[i]}\u001b[0m");
                if (i < last) text.Append(' ', widths[i] - parts[i].Length + Gap);
            }

            text.Append('\n');
        }
    }

    private static string Fit(string cell, int width) => cell.Length <= width ? cell : cell[..(width - 1)] + "…";

    /// <summary>Words onto lines of at most <paramref name="width"/>; a word longer than a line is broken.</summary>
    private static List<string> WrapText(string cell, int width)
    {
        if (cell.Length <= width) return [cell];
        var lines = new List<string>();
        var current = new StringBuilder();
        foreach (var word in cell.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var rest = word;
            while (rest.Length > 0)
            {
                var room = current.Length == 0 ? width : width - current.Length - 1;
                if (rest.Length <= room)
                {
                    if (current.Length > 0) current.Append(' ');
                    current.Append(rest);
                    rest = "";
                }
                else if (current.Length > 0)
                {
                    lines.Add(current.ToString());
                    current.Clear();
                }
                else
                {
                    lines.Add(rest[..width]);
                    rest = rest[width..];
                }
            }
        }

        if (current.Length > 0) lines.Add(current.ToString());
        return lines.Count == 0 ? [""] : lines;
    }
}
