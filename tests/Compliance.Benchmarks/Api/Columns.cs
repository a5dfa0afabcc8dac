using System.Text;

namespace Compliance.Benchmarks.Api;

/// <summary>Rows of cells as plain text: a heading row, a rule, and every column padded to its widest cell.</summary>
internal static class Columns
{
    public static string Format(IReadOnlyList<string> headings, IEnumerable<string[]> rows)
    {
        List<string[]> lines = [[.. headings], .. rows];
        var widths = headings.Select((_, i) => lines.Max(l => l[i].Length)).ToArray();
        lines.Insert(1, [.. widths.Select(w => new string('-', w))]);
        var text = new StringBuilder();
        foreach (var line in lines) text.AppendJoin("  ", line.Select((cell, i) => i == line.Length - 1 ? cell : cell.PadRight(widths[i]))).Append('\n');
        return text.ToString();
    }
}
