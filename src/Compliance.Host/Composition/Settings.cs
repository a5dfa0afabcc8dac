using Microsoft.Extensions.Configuration;

namespace Compliance.Host.Composition;

/// <summary>
/// Where `compliance serve` and every CLI command read their settings, later ones winning: appsettings.json beside the binary, environment
/// variables prefixed COMPLIANCE_ (with __ for the section separator: COMPLIANCE_API__KEYS__0__NAME is
/// Compliance:Api:Keys:0:Name, COMPLIANCE_DATA is Compliance:Data), the command line, then --urls/--data.
/// </summary>
internal static class Settings
{
    public const string Prefix = "COMPLIANCE_";

    public static void Add(IConfigurationBuilder configuration, string[] args, string? data)
    {
        configuration.AddInMemoryCollection(Defaults);
        configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        configuration.AddInMemoryCollection(FromEnvironment());
        configuration.AddCommandLine(args);
        if (data is not null) configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Compliance:Data"] = data });
    }

    /// <summary>The data directory the settings name (Compliance:Data, else the CLI's default).</summary>
    public static DataDirectory DataDirectory(IConfiguration configuration) => Composition.DataDirectory.Resolve(configuration["Compliance:Data"]);

    private static readonly Dictionary<string, string?> Defaults = new()
    {
        // One line per request at Information would cost more than answering it.
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
        // MassTransit logs each endpoint it configures and each failed connection attempt; serve logs a dependency's
        // transitions once (DependencyLog), and --verbose shows MassTransit's own lines at Debug.
        ["Logging:LogLevel:MassTransit"] = "Error",
        // The health check service logs every failing check at every probe; DependencyLog says it once.
        ["Logging:LogLevel:Microsoft.Extensions.Diagnostics.HealthChecks"] = "Critical",
        ["Compliance:Organisation"] = "Compliance",
    };

    private static Dictionary<string, string?> FromEnvironment()
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (System.Collections.DictionaryEntry variable in System.Environment.GetEnvironmentVariables())
        {
            if (variable.Key is not string name || !name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) continue;
            settings["Compliance:" + name[Prefix.Length..].Replace("__", ":", StringComparison.Ordinal)] = variable.Value as string;
        }

        return settings;
    }
}
