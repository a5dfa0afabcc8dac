using System.Globalization;
using System.Text.Json;

namespace Compliance.Host.Cli.Api;

/// <summary>Prints an API answer: the JSON as it came (--format json), or a table of chosen fields.</summary>
internal static class ApiOutput
{
    /// <summary>Rows from <paramref name="rows"/> (a property of the answer, or the answer itself when null) with the given columns (JSON paths such as "cluster.environment").</summary>
    public static string Render(JsonElement answer, OutputFormat format, string? rows, params string[] columns)
    {
        if (format == OutputFormat.Json) return JsonSerializer.Serialize(answer, Json.Options) + "\n";
        var list = rows is null ? answer : answer.GetProperty(rows);
        var table = new TextTable(columns);
        foreach (var item in list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : Enumerable.Repeat(list, 1))
            table.Add([.. columns.Select(c => Cell(item, c))]);
        var summary = answer.ValueKind == JsonValueKind.Object
            ? string.Join("  ", answer.EnumerateObject().Where(p => p.Name != rows && IsScalar(p.Value)).Select(p => $"{TerminalText.Safe(p.Name)}: {Scalar(p.Value)}"))
            : "";
        return table + (summary.Length > 0 ? summary + "\n" : "");
    }

    /// <summary>Field and value lines of an object's scalar properties (nested objects one level down, as a.b).</summary>
    public static string Fields(JsonElement answer, OutputFormat format)
    {
        if (format == OutputFormat.Json) return JsonSerializer.Serialize(answer, Json.Options) + "\n";
        var table = new TextTable("field", "value");
        foreach (var p in answer.EnumerateObject())
        {
            if (IsScalar(p.Value)) table.Add(p.Name, Scalar(p.Value));
            else if (p.Value.ValueKind == JsonValueKind.Object)
                foreach (var inner in p.Value.EnumerateObject().Where(i => IsScalar(i.Value))) table.Add($"{p.Name}.{inner.Name}", Scalar(inner.Value));
        }

        return table.ToString();
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
        JsonValueKind.String => TerminalText.Safe(e.GetString()),
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        _ => e.GetRawText(),
    };
}
