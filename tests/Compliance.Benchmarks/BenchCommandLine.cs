using System.CommandLine;
using Compliance.Benchmarks.Api;
using Compliance.Benchmarks.Bus;
using Compliance.Benchmarks.Report;
using Compliance.Benchmarks.Store;
using Compliance.Benchmarks.Watcher;

namespace Compliance.Benchmarks;

/// <summary>The `compliance-bench` command tree: benchmarks that measure and print. A mistake in the arguments prints one line and exits 2.</summary>
internal static class BenchCommandLine
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var root = new RootCommand("Compliance benchmarks (figures for the issue notes): store, report, bus, api, burst, watcher")
        {
            StoreCommand.Create(output),
            ReportCommand.Create(output),
            BusCommand.Create(output),
            ApiCommand.Create(output),
            BurstCommand.Create(output),
            WatcherCommand.Create(output),
        };

        var parse = root.Parse(args);
        try
        {
            if (parse.Errors.Count > 0)
            {
                var first = parse.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parse.Errors[0];
                throw new UserError($"{first.Message} (see 'compliance-bench --help')");
            }

            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }, ct);
        }
        catch (UserError e)
        {
            error.WriteLine($"compliance-bench: {e.Message}");
            return 2;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            error.WriteLine("compliance-bench: cancelled");
            return 130;
        }
    }
}
