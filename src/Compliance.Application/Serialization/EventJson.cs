using System.Text.Json;
using System.Text.Json.Serialization;

namespace Compliance.Application.Serialization;

/// <summary>
/// The JSON shape of stored events: camelCase properties, enums as their names, dictionary keys as written (labels and
/// annotations are data), DateOnly as yyyy-MM-dd, TimeSpan as [-][d.]hh:mm:ss[.fffffff], DateTimeOffset with its offset.
/// </summary>
public static class EventJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            NumberHandling = JsonNumberHandling.Strict,
            WriteIndented = false,
            RespectNullableAnnotations = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        };
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
