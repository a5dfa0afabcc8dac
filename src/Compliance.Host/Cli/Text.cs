using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Compliance.Host.Cli;

/// <summary>One style for what tables print: days YYYY-MM-DD, instants YYYY-MM-DD HH:mmZ (UTC), durations 30d 6h / 5h 12m / 40m.</summary>
internal static class Text
{
    public static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Number(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static string Instant(DateTimeOffset? t) => t?.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture) ?? "";

    public static string Duration(TimeSpan? t)
    {
        if (t is not { } v) return "";
        var sign = v < TimeSpan.Zero ? "-" : "";
        v = v.Duration();
        return sign + (v.TotalDays >= 1 ? $"{(int)v.TotalDays}d {v.Hours}h"
            : v.TotalHours >= 1 ? $"{v.Hours}h {v.Minutes}m"
            : v.TotalMinutes >= 1 ? $"{v.Minutes}m"
            : string.Create(CultureInfo.InvariantCulture, $"{v.TotalSeconds:0}s"));
    }

    public static string Percent(double? ratio) => ratio is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "n/a";

    /// <summary>A JSON field name as a header: "stagingClusterId" is "staging cluster", "releasedAt" "released", "asOf" "as of".</summary>
    public static string Words(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in name)
        {
            if ((char.IsUpper(c) || c == '.') && current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }

            if (c != '.') current.Append(char.ToLowerInvariant(c));
        }

        if (current.Length > 0) words.Add(current.ToString());
        if (words.Count > 1 && words[^1] is "id" or "at") words.RemoveAt(words.Count - 1);
        return string.Join(' ', words);
    }

    /// <summary>A JSON value as a table cell in the one style: instants and durations reformatted, everything else as it is.</summary>
    public static string Cell(string value)
    {
        if (value.Length >= 16 && value[4] == '-' && value[10] == 'T'
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)) return Instant(instant);
        if (value.Contains(':', StringComparison.Ordinal) && value.Length >= 8 && char.IsDigit(value[^1])
            && TimeSpan.TryParseExact(value, ["c"], CultureInfo.InvariantCulture, out var span)) return Duration(span);
        return value;
    }
}

internal static class Json
{
    /// <summary>
    /// Indented, camelCase enums; '+' and other HTML-sensitive characters as they are (no \u002B), control and format
    /// characters still escaped so JSON output is as safe on a terminal as a table.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The value as indented JSON and a newline; format characters (bidi overrides, zero-width) escaped as \uXXXX too.</summary>
    public static string Write<T>(T value)
    {
        var json = JsonSerializer.Serialize(value, Options);
        var text = new StringBuilder(json.Length + 1);
        foreach (var c in json)
        {
            if (char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            else text.Append(c);
        }

        return text.Append('\n').ToString();
    }
}
