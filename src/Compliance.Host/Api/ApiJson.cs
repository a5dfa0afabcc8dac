using System.Text.Json;
using System.Text.Json.Serialization;

namespace Compliance.Host.Api;

/// <summary>The JSON form of the API's answers (web names, enums in camelCase), also used by the CLI for answers it computes in process.</summary>
internal static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the API's settings to <paramref name="options"/> (the framework's HTTP JSON options, for one).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}
