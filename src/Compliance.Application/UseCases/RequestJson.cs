using System.Text.Json;
using System.Text.Json.Serialization;

namespace Compliance.Application.UseCases;

/// <summary>
/// The JSON form of requests, one for every caller (HTTP bodies, the CLI): web names, unknown fields refused, and JSON
/// mistakes turned into errors naming the field by its JSON path.
/// </summary>
public static class RequestJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The request object, or the field errors that stopped it. An empty body is <c>{}</c> when <paramref name="emptyIsObject"/>.</summary>
    public static (T? Value, Dictionary<string, string[]>? Errors) Parse<T>(ReadOnlySpan<byte> body, bool emptyIsObject = false) where T : class
    {
        if (IsBlank(body)) return emptyIsObject ? Parse<T>("{}"u8) : (null, Error("body", "a JSON object is required"));
        try
        {
            var value = JsonSerializer.Deserialize<T>(body, Options);
            return value is null ? (null, Error("body", "a JSON object is required, not null")) : (value, null);
        }
        catch (JsonException e)
        {
            // A reader error means the text is not JSON at all; a conversion error names the field whose value is wrong.
            if (UnknownField(e.Message) is { } unknown) return (null, Error(unknown, "unknown field"));
            if (e.InnerException?.GetType().Name == "JsonReaderException" || e.Path is null or "$")
                return (null, Error("body", $"not a valid JSON object (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})"));
            return (null, Error(FieldOf(e.Path), "not a valid value for this field"));
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> body)
    {
        foreach (var b in body)
            if (b is not ((byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')) return false;
        return true;
    }

    /// <summary>"$.plannedChanges[0].kind" becomes "plannedChanges[0].kind".</summary>
    private static string FieldOf(string path) => path.TrimStart('$').TrimStart('.');

    private static string? UnknownField(string message)
    {
        const string marker = "The JSON property '";
        var start = message.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0) return null;
        start += marker.Length;
        var end = message.IndexOf('\'', start);
        return end > start ? message[start..end] : null;
    }

    private static Dictionary<string, string[]> Error(string field, string message) => new() { [field] = [message] };
}
