using System.Globalization;
using System.Text.Json;

namespace Compliance.Host.Cli.Api;

/// <summary>Prints an API answer: the JSON as it came (--format json), or a table of chosen fields in the one table style.</summary>
internal static class ApiOutput
{
    /// <summary>
    /// Rows from <paramref name="rows"/> (a property of the answer, or the answer itself when null) with the given columns
    /// (JSON paths such as "cluster.environment"; headers are their last name in words), then the answer's other scalars.
    /// </summary>
    public static string Render(JsonElement answer, OutputFormat format, Screen screen, string? rows, params string[] columns)
    {
        if (format == OutputFormat.Json) return Json.Write(answer);
        var list = rows is null ? answer : answer.GetProperty(rows);
        var table = new TextTable([.. columns.Select(c => Text.Words(c[(c.LastIndexOf('.') + 1)..]))]);
        for (var i = 0; i < columns.Length; i++)
        {
            if (columns[i] is "level" or "status") table.Colour(i, Levels.Colour);
            // What a row is and where it stands reads wrong cut: kinds, states and the instants of a finding or a patch.
            if (columns[i] is "kind" or "kinds" or "state" or "owner" || columns[i].EndsWith("At", StringComparison.Ordinal) || columns[i] == "overdueSince") table.Keep(i);
        }

        foreach (var item in list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : Enumerable.Repeat(list, 1))
            table.Add([.. columns.Select(c => Cell(item, c))]);
        var summary = answer.ValueKind == JsonValueKind.Object
            ? string.Join("  ", answer.EnumerateObject().Where(p => p.Name != rows && IsScalar(p.Value)).Select(p => $"{Text.Words(TerminalText.Safe(p.Name))}: {Scalar(p.Value)}"))
            : "";
        return table.Render(screen) + (summary.Length > 0 ? summary + "\n" : "");
    }

    /// <summary>Field and value lines of an object's scalar properties (nested objects one level down, as "a b").</summary>
    public static string Fields(JsonElement answer, OutputFormat format, Screen screen)
    {
        if (format == OutputFormat.Json) return Json.Write(answer);
        var table = new TextTable("field", "value");
        foreach (var p in answer.EnumerateObject())
        {
            if (IsScalar(p.Value)) table.Add(Text.Words(p.Name), Scalar(p.Value));
            else if (p.Value.ValueKind == JsonValueKind.Object)
                foreach (var inner in p.Value.EnumerateObject().Where(i => IsScalar(i.Value))) table.Add($"{Text.Words(p.Name)} {Text.Words(inner.Name)}", Scalar(inner.Value));
        }

        return table.Render(screen);
    }

    private static string Cell(JsonElement item, string path)
    {
        var current = item;
        foreach (var part in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current)) return "";
        }

        if (IsScalar(current)) return Scalar(current);
        if (current.ValueKind != JsonValueKind.Array) return "";
        // A list of names (a patch's component kinds) reads as the names; a list of objects as how many there are.
        var items = current.EnumerateArray().ToList();
        return items.All(IsScalar) ? string.Join(", ", items.Select(Scalar)) : items.Count.ToString(CultureInfo.InvariantCulture);
    }

    private static bool IsScalar(JsonElement e) => e.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array);

    /// <summary>A value as printed: strings terminal-safe (the answer may carry text stored before input was checked).</summary>
    private static string Scalar(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => Text.Cell(TerminalText.Safe(e.GetString())),
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        _ => e.GetRawText(),
    };
}
