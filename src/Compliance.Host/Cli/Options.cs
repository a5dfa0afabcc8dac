using System.CommandLine;

namespace Compliance.Host.Cli;

/// <summary>Options shared by several commands.</summary>
internal static class Options
{
    public static Option<string?> Data { get; } = new("--data")
    {
        Description = $"Data directory (default: ${DataDirectory.EnvironmentVariable}, else ~/.local/share/compliance)",
        Recursive = true,
    };

    public static Option<string?> AsOf() => new("--as-of") { Description = "Evaluate as of this day, YYYY-MM-DD (default: today, UTC)" };

    public static Option<string?> Format(string allowed) => new("--format") { Description = $"Output format: {allowed}" };
}
