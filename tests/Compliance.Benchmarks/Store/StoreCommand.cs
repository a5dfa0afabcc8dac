using System.CommandLine;

namespace Compliance.Benchmarks.Store;

/// <summary><c>compliance-bench store</c>: measures the embedded store and the projection rebuild (a benchmark, not a test).</summary>
internal static class StoreCommand
{
    public static Command Create(TextWriter output)
    {
        var events = new Option<int>("--events") { Description = "Events for the append/read phases", DefaultValueFactory = _ => 200_000 };
        var rebuild = new Option<int>("--rebuild-events") { Description = "Events in the ledger the projections rebuild", DefaultValueFactory = _ => 1_000_000 };
        var dir = new Option<string?>("--dir") { Description = "Scratch folder (default: the system temp folder); removed afterwards" };
        var store = new Command("store", "Append throughput (single and batches of 100) against raw SQLite inserts, reads, and projection rebuild rate") { events, rebuild, dir };
        store.SetAction(async (parse, ct) =>
        {
            var scratch = parse.GetValue(dir) ?? Path.GetTempPath();
            if (!Directory.Exists(scratch)) throw new UserError($"--dir: folder '{scratch}' does not exist");
            if (parse.GetValue(events) < StoreBench.BatchSize) throw new UserError($"--events: at least {StoreBench.BatchSize}");
            if (parse.GetValue(rebuild) < 1) throw new UserError("--rebuild-events: at least 1");
            await StoreBench.RunAsync(scratch, parse.GetValue(events), output, ct);
            await RebuildBench.RunAsync(scratch, parse.GetValue(rebuild), output, ct);
            return 0;
        });
        return store;
    }
}
