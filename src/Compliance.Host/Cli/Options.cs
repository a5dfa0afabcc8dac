using System.CommandLine;
using Compliance.Host.Composition;

namespace Compliance.Host.Cli;

/// <summary>Options shared by several commands.</summary>
internal static class Options
{
    public static Option<string?> Data { get; } = new("--data")
    {
        Description = $"Data directory (default: ${DataDirectory.EnvironmentVariable}, else ~/.local/share/compliance)",
        Recursive = true,
    };

    public static Option<string?> Store { get; } = new("--store")
    {
        Description = "Where the ledger is: sqlite (the data directory's ledger.db), eventstoredb (Compliance:Store settings) or an esdb:// connection string (default: Compliance:Store, as for serve)",
        Recursive = true,
    };

    public static Option<string?> AsOf() => new("--as-of") { Description = "Evaluate as of this day, YYYY-MM-DD (default: today, UTC)" };

    public static Option<string?> Format(string allowed) => new("--format") { Description = $"Output format: {allowed}" };
}
