using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Compliance.Application.UseCases;

/// <summary>
/// Instants in requests: ISO 8601 text with an explicit offset ("2026-12-01T02:00:00Z", "2026-12-01T03:00+01:00").
/// Text without one would be read in the server's time zone, so the same request would mean different instants on
/// different servers; it is refused, naming the field. Public so that other readers of our JSON (bus messages) can use it.
/// </summary>
public sealed partial class InstantJsonConverter : JsonConverter<DateTimeOffset>
{
    private const string Expected = "must be an instant in ISO 8601 with an offset, such as 2026-12-01T02:00:00Z or 2026-12-01T03:00:00+01:00";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new RequestValueException(Expected);
        var text = reader.GetString()!;
        if (!Shape().IsMatch(text)) throw new RequestValueException(text.Length > 0 && !HasOffset().IsMatch(text) ? $"{Expected}: '{Cut(text)}' has no offset" : Expected);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : throw new RequestValueException($"{Expected}: '{Cut(text)}' is not a date and time that exists");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }

    private static string Cut(string text) => text.Length <= 40 ? text : text[..40] + "...";

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,7})?)?([Zz]|[+-][0-9]{2}:[0-9]{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    [GeneratedRegex(@"([Zz]|[+-][0-9]{2}:?[0-9]{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex HasOffset();
}

/// <summary>A request value that is well-formed JSON but not what its field takes; the message says what the field takes.</summary>
internal sealed class RequestValueException(string message) : JsonException(message);
