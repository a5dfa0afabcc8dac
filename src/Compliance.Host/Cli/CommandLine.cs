using System.CommandLine;
using Compliance.Application.Serialization;
using Compliance.Application.Store;
using Compliance.Host.Composition;
using Microsoft.Data.Sqlite;

namespace Compliance.Host.Cli;

/// <summary>
/// The `compliance` command tree. Every failure is one line on stderr: exit 2 for a usage error (a bad argument, a
/// mistyped command, with a suggestion), exit 1 for the environment (a server that does not answer, a data directory
/// that cannot be read or written, a port in use) or a broken ledger. --verbose adds the stack trace.
/// </summary>
internal static class CommandLine
{
    public static Task<int> RunAsync(string[] args, TimeProvider time, TextWriter output, TextWriter error, CancellationToken ct) =>
        RunAsync(args, time, Screen.For(output), error, ct);

    private static async Task<int> RunAsync(string[] args, TimeProvider time, Screen output, TextWriter error, CancellationToken ct)
    {
        var root = new RootCommand("Compliance: evidence that Kubernetes platforms are maintained as promised")
        {
            DemoCommand.Create(time, output, error),
            EolRiskCommand.Create(time, output),
            VerifyCommand.Create(time, output),
            ProjectionsCommand.Create(time, output, error),
            CatalogCommand.Create(time, output),
            BenchMovedCommand.Create(),
            ReportCommand.Create(time, output, error),
            ServeCommand.Create(),
            SettingsCommand.Create(output),
            CheckpointCommand.Create(time, output),
            EvidenceCommand.Create(time, output),
        };
        foreach (var command in ExportImportCommands.Create(time, output, error)) root.Subcommands.Add(command);
        foreach (var command in Api.QueryCommands.Create(output).Concat(Api.MaintenanceCommands.Create(output))) root.Subcommands.Add(command);
        root.Subcommands.Add(Api.ExceptionCommands.Create(output));
        root.Options.Add(Options.Data);
        root.Options.Add(Options.Store);
        root.Options.Add(Options.Wide);
        root.Options.Add(Options.Verbose);

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            error.WriteLine($"compliance: {ParseErrors.Describe(parse)} (see 'compliance --help')");
            return 2;
        }

        output.Wide = parse.GetValue(Options.Wide);
        var verbose = parse.GetValue(Options.Verbose);
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            error.WriteLine("compliance: cancelled");
            return 130;
        }
        catch (Exception e)
        {
            var (exit, line) = Failure(e, parse);
            error.WriteLine($"compliance: {line}");
            if (verbose) error.WriteLine(e.ToString());
            return exit;
        }
    }

    /// <summary>The exit code and the one line for what stopped a command.</summary>
    private static (int Exit, string Line) Failure(Exception e, ParseResult parse) => e switch
    {
        UserError => (2, e.Message),
        EnvironmentError or UnknownEventTypeException or StoreUnavailableException or LedgerIntegrityException or Application.Checkpoints.CheckpointKeyException => (1, e.Message),
        HttpRequestException http => (1, $"cannot reach the server{Server(parse)}: {http.Message}"),
        TaskCanceledException => (1, $"the server{Server(parse)} did not answer in time"),
        SqliteException sqlite => (1, $"data directory {Data(parse)} cannot be used: {sqlite.Message}"),
        UnauthorizedAccessException or IOException => (1, e.Message),
        _ => (1, $"internal error: {e.GetType().Name}: {e.Message} (run with --verbose for the stack trace)"),
    };

    private static string Server(ParseResult parse) => parse.GetValue<string?>("--server") is { } server ? " " + server : "";

    private static string Data(ParseResult parse) => DataDirectory.Resolve(parse.GetValue(Options.Data)).Path;
}
