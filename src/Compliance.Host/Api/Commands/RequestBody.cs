using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace Compliance.Host.Api.Commands;

/// <summary>Reads a command's JSON body within the size limit and turns JSON mistakes into field errors.</summary>
internal static class RequestBody
{
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The body's bytes, or null when it is larger than <paramref name="limit"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        if (request.ContentLength > limit) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit) return null;
        }

        return buffer.ToArray();
    }

    /// <summary>The request object, or the field errors that stopped it (field named by its JSON path).</summary>
    public static (T? Value, Dictionary<string, string[]>? Errors) Parse<T>(byte[] body, bool emptyIsObject) where T : class
    {
        if (body.Length == 0 || body.All(b => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'))
            return emptyIsObject ? (Parse<T>("{}"u8.ToArray(), false).Value, null) : (null, Error("body", "a JSON object is required"));
        try
        {
            var value = JsonSerializer.Deserialize<T>(body, Json);
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
