using System.CommandLine;
using Compliance.Adapters.EventStoreDb;

namespace Compliance.Benchmarks.Store;

/// <summary>
/// <c>compliance-bench store</c>: measures the embedded store and the projection rebuild, or with <c>--store esdb://...</c>
/// the EventStoreDB store beside a raw gRPC append to the same server (a benchmark, not a test); and the hidden
/// <c>store index-probe</c> that measures the index build in a process of its own.
/// </summary>
internal static class StoreCommand
{
    public const int DefaultSqliteEvents = 200_000;
    public const int DefaultEsdbEvents = 20_000;

    public static Command Create(TextWriter output)
    {
        var events = new Option<int?>("--events")
        {
            Description = $"Events for the append phases (single appends use a tenth): default {DefaultSqliteEvents:N0} on SQLite, {DefaultEsdbEvents:N0} on EventStoreDB",
        };
        var rebuild = new Option<int>("--rebuild-events") { Description = "Events in the ledger the projections rebuild (SQLite)", DefaultValueFactory = _ => 1_000_000 };
        var dir = new Option<string?>("--dir") { Description = "Scratch folder (default: the system temp folder); removed afterwards" };
        var storeOption = new Option<string>("--store") { Description = "sqlite (the embedded store) or an esdb:// connection string", DefaultValueFactory = _ => "sqlite" };
        var indexEvents = new Option<int>("--index-events") { Description = "EventStoreDB: events in the ledger whose index build is measured", DefaultValueFactory = _ => 100_000 };
        var runs = new Option<int>("--runs") { Description = "EventStoreDB: runs, each on a fresh ledger stream; more than one also prints the medians", DefaultValueFactory = _ => 1 };
        var store = new Command("store", "Append throughput (single and batches of 100) against raw SQLite inserts or a raw gRPC append, reads, projection rebuild, index build")
        {
            events, rebuild, dir, storeOption, indexEvents, runs,
        };
        store.SetAction(async (parse, ct) =>
        {
            var target = parse.GetValue(storeOption)!;
            if (target.StartsWith("esdb", StringComparison.OrdinalIgnoreCase))
            {
                var esdbEvents = parse.GetValue(events) ?? DefaultEsdbEvents;
                if (esdbEvents < StoreBench.BatchSize) throw new UserError($"--events: at least {StoreBench.BatchSize}");
                if (parse.GetValue(indexEvents) < 1) throw new UserError("--index-events: at least 1");
                if (parse.GetValue(runs) < 1) throw new UserError("--runs: at least 1");
                Check(target);
                await EsdbStoreBench.RunAsync(new EsdbBenchOptions(target, esdbEvents, parse.GetValue(indexEvents), parse.GetValue(runs)), output, ct);
                return 0;
            }

            if (!string.Equals(target, "sqlite", StringComparison.OrdinalIgnoreCase)) throw new UserError($"--store: '{target}' is not sqlite or an esdb:// connection string");
            var scratch = parse.GetValue(dir) ?? Path.GetTempPath();
            if (!Directory.Exists(scratch)) throw new UserError($"--dir: folder '{scratch}' does not exist");
            var sqliteEvents = parse.GetValue(events) ?? DefaultSqliteEvents;
            if (sqliteEvents < StoreBench.BatchSize) throw new UserError($"--events: at least {StoreBench.BatchSize}");
            if (parse.GetValue(rebuild) < 1) throw new UserError("--rebuild-events: at least 1");
            await StoreBench.RunAsync(scratch, sqliteEvents, output, ct);
            await RebuildBench.RunAsync(scratch, parse.GetValue(rebuild), output, ct);
            return 0;
        });

        var probeStore = new Option<string>("--store") { Required = true };
        var ledgerStream = new Option<string>("--ledger-stream") { Required = true };
        var probe = new Command("index-probe", "The measured process of 'store --store esdb://...' (the index build)") { probeStore, ledgerStream };
        probe.Hidden = true;
        probe.SetAction(async (parse, ct) =>
        {
            await EsdbIndexProbe.ProbeAsync(parse.GetValue(probeStore)!, parse.GetValue(ledgerStream)!, output, ct);
            return 0;
        });
        store.Subcommands.Add(probe);
        return store;
    }

    private static void Check(string connectionString)
    {
        try
        {
            EsdbConnectionString.Parse(connectionString);
        }
        catch (FormatException e)
        {
            throw new UserError($"--store: {e.Message}");
        }
    }
}
