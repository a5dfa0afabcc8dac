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
            BenchCommand.Create(output),
            ReportCommand.Create(time, output, error),
            EvidenceCommand.Create(time, output),
            Serve.ServeCommand.Create(),
        };
        foreach (var command in ExportImportCommands.Create(time, output)) root.Subcommands.Add(command);
        foreach (var command in Api.QueryCommands.Create(output).Concat(Api.MaintenanceCommands.Create(output))) root.Subcommands.Add(command);
        root.Subcommands.Single(c => c.Name == "bench").Subcommands.Add(Api.ApiBenchCommand.Create(output));
        root.Options.Add(Options.Data);

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
        catch (UnknownEventTypeException e)
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
