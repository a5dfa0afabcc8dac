using System.Text.Json;
using System.Text.Json.Serialization;

namespace Compliance.Application.UseCases;

/// <summary>
/// The JSON form of requests, one for every caller (HTTP bodies, the CLI): web names, unknown fields refused, a field
/// given twice refused (names compared ignoring case, as they are bound), instants only with an offset, and JSON mistakes
/// turned into errors naming the field by its JSON path.
/// </summary>
public static class RequestJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase), new InstantJsonConverter() },
    };

    /// <summary>The request object, or the field errors that stopped it. An empty body is <c>{}</c> when <paramref name="emptyIsObject"/>.</summary>
    public static (T? Value, Dictionary<string, string[]>? Errors) Parse<T>(ReadOnlySpan<byte> body, bool emptyIsObject = false) where T : class
    {
        if (IsBlank(body)) return emptyIsObject ? Parse<T>("{}"u8) : (null, Error("body", "a JSON object is required"));
        if (FirstDuplicateKey(body) is { } twice) return (null, Error(twice, "is given more than once (field names are compared ignoring case)"));
        try
        {
            var value = JsonSerializer.Deserialize<T>(body, Options);
            return value is null ? (null, Error("body", "a JSON object is required, not null")) : (value, null);
        }
        catch (JsonException e)
        {
            // A reader error means the text is not JSON at all; a conversion error names the field whose value is wrong.
            if (UnknownField(e.Message) is { } unknown) return (null, Error(unknown, "unknown field"));
            if (e is RequestValueException) return (null, Error(FieldOf(e.Path ?? "$"), e.Message));
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

    /// <summary>
    /// The path of the first field that appears twice in one object ("plannedChanges[0].kind"), or null. Without this the
    /// last one would win unseen, even a differently cased one ("clusterId" then "ClusterId"). Text that is not JSON is
    /// left to the deserializer to report.
    /// </summary>
    public static string? FirstDuplicateKey(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        var frames = new Stack<Frame>();
        try
        {
            while (reader.Read())
            {
                var parent = frames.Count > 0 ? frames.Peek() : null;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        if (!parent!.Keys!.Add(name)) return Join(parent.Path, name);
                        parent.Pending = name;
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        frames.Push(new Frame(ChildPath(parent), reader.TokenType == JsonTokenType.StartObject ? new HashSet<string>(StringComparer.OrdinalIgnoreCase) : null));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.Pop();
                        break;
                    default:
                        if (parent is { Keys: null }) parent.Index++;
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return null;
    }

    private static string ChildPath(Frame? parent) => parent switch
    {
        null => "",
        { Keys: null } array => $"{array.Path}[{(array.Index++).ToString(System.Globalization.CultureInfo.InvariantCulture)}]",
        { } obj => Join(obj.Path, obj.Pending ?? ""),
    };

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    /// <summary>An object (its keys so far, the key whose value comes next) or an array (the index of the next item) being read.</summary>
    private sealed class Frame(string path, HashSet<string>? keys)
    {
        public string Path { get; } = path;

        public HashSet<string>? Keys { get; } = keys;

        public string? Pending { get; set; }

        public int Index { get; set; }
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
