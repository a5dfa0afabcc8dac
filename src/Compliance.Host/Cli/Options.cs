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

    public static Option<bool> Wide { get; } = new("--wide")
    {
        Description = "Print tables at full width (default: fit the terminal, 120 columns when piped, or $COLUMNS)",
        Recursive = true,
    };

    public static Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Debug logging and stack traces with errors",
        Recursive = true,
    };

    public static Option<string?> AsOf() => Day("--as-of", "Evaluate as of this day, YYYY-MM-DD (default: today, UTC)");

    /// <summary>A day option checked as it is parsed: YYYY-MM-DD within the days the CLI accepts (a usage error otherwise).</summary>
    public static Option<string?> Day(string name, string description)
    {
        var option = new Option<string?>(name) { Description = description };
        option.Validators.Add(result =>
        {
            try
            {
                Arguments.Date(name, result.GetValueOrDefault<string?>(), default);
            }
            catch (UserError e)
            {
                result.AddError(e.Message);
            }
        });
        return option;
    }

    public static Option<string?> Format(string allowed) => new("--format") { Description = $"Output format: {allowed}" };
}
