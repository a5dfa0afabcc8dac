using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Compliance.Host.Cli;

internal static class Text
{
    public static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Number(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static string Instant(DateTimeOffset? t) => t?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";

    public static string Hours(TimeSpan? t) => t is { } v ? v.TotalHours.ToString("0.#", CultureInfo.InvariantCulture) + " h" : "";

    public static string Percent(double? ratio) => ratio is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "n/a";
}

internal static class Json
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
