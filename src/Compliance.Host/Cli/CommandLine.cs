using System.CommandLine;
using Compliance.Application.Serialization;
using Compliance.Application.Store;

namespace Compliance.Host.Cli;

/// <summary>The `compliance` command tree. User mistakes print one line and exit 2; a broken ledger exits 1.</summary>
internal static class CommandLine
{
    public static async Task<int> RunAsync(string[] args, TimeProvider time, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var root = new RootCommand("Compliance: evidence that Kubernetes platforms are maintained as promised")
        {
            DemoCommand.Create(time, output),
            EolRiskCommand.Create(time, output),
            VerifyCommand.Create(time, output),
            ProjectionsCommand.Create(time, output),
            CatalogCommand.Create(time, output),
            BenchMovedCommand.Create(),
            ReportCommand.Create(time, output, error),
            ServeCommand.Create(),
            CheckpointCommand.Create(time, output),
        };
        foreach (var command in ExportImportCommands.Create(time, output)) root.Subcommands.Add(command);
        foreach (var command in Api.QueryCommands.Create(output).Concat(Api.MaintenanceCommands.Create(output))) root.Subcommands.Add(command);
        root.Options.Add(Options.Data);
        root.Options.Add(Options.Store);

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            var first = parse.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parse.Errors[0];
            error.WriteLine($"compliance: {first.Message} (see 'compliance --help')");
            return 2;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }, ct);
        }
        catch (UserError e)
        {
            error.WriteLine($"compliance: {e.Message}");
            return 2;
        }
        catch (Exception e) when (e is UnknownEventTypeException or LedgerIntegrityException or Application.Checkpoints.CheckpointKeyException)
        {
            error.WriteLine($"compliance: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            error.WriteLine("compliance: cancelled");
            return 130;
        }
    }
}
