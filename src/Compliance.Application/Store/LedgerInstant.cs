using System.Globalization;

namespace Compliance.Application.Store;

/// <summary>
/// The text form of an event's recorded-at wherever it is stored or exported: ISO-8601 UTC with 100 ns precision,
/// which sorts as text and is exactly what <see cref="HashChain"/> canonicalises.
/// </summary>
public static class LedgerInstant
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string ToText(DateTimeOffset instant) => instant.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <exception cref="FormatException">the text is not in <see cref="Format"/>.</exception>
    public static DateTimeOffset Parse(string text) =>
        new(DateTime.SpecifyKind(DateTime.ParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None), DateTimeKind.Utc));
}
