using System.Diagnostics;
using System.Globalization;
using Compliance.Adapters.Sqlite.Events;
using Compliance.Adapters.Sqlite.ReadModels;
using Compliance.Application.Catalog;
using Compliance.Application.Projections;
using Compliance.Application.Serialization;
using Compliance.Application.Store;
using Compliance.Benchmarks.Fleet;

namespace Compliance.Benchmarks.Store;

/// <summary>Projection rebuild rate: writes a synthetic ledger of N events, then rebuilds every read model from position zero.</summary>
internal static class RebuildBench
{
    public static async Task RunAsync(string dir, int events, TextWriter output, CancellationToken ct)
    {
        var folder = Directory.CreateDirectory(Path.Combine(dir, $"rebuild-bench-{Guid.NewGuid():N}")).FullName;
        try
        {
            var ledger = Path.Combine(folder, "ledger.db");
            var write = Stopwatch.StartNew();
            using (var store = new SqliteEventStore(ledger, TimeProvider.System, SqliteSynchronous.Normal))
            {
                var metadata = new EventMetadata("bench", Guid.NewGuid(), Guid.NewGuid());
                foreach (var chunk in BenchFleet.Generate(events).Chunk(1_000))
                {
                    foreach (var stream in chunk.GroupBy(e => e.Stream))
                    {
                        var batch = stream.Select(e => EventSerializer.Default.ToStored(e.Event, Guid.NewGuid(), metadata)).ToList();
                        await store.AppendAsync(stream.Key, ExpectedRevision.Any, batch, ct);
                    }
                }
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote a synthetic ledger of {events:N0} events ({BenchFleet.Clusters} clusters x {BenchFleet.NodesPerCluster} nodes) in {write.Elapsed.TotalSeconds:0.0} s"));

            using var process = Process.GetCurrentProcess();
            GC.Collect();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var (cpu, paused, gen0, gen1, gen2) = (process.TotalProcessorTime, GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var watch = Stopwatch.StartNew();
            using (var store = new SqliteEventStore(ledger, TimeProvider.System))
            {
                var runner = new ProjectionRunner(store, new SqliteReadModelStore(Path.Combine(folder, "readmodels.db")),
                    CatalogSnapshot.Embedded.Catalog, TimeProvider.System, batchSize: 20_000);
                var projected = await runner.RebuildAsync(ct);
                var seconds = watch.Elapsed.TotalSeconds;
                process.Refresh();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"projection rebuild: {projected:N0} events in {seconds:0.00} s = {projected / seconds:N0} events/s; allocated {(GC.GetTotalAllocatedBytes(precise: true) - before) / 1e6:N0} MB; peak working set {process.PeakWorkingSet64 / 1e6:N0} MB"));
                var t = runner.Timings;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  cpu {(process.TotalProcessorTime - cpu).TotalSeconds:0.0} s ({(process.TotalProcessorTime - cpu).TotalMicroseconds / projected:0.0} µs/event, both cores); GC pauses {(GC.GetTotalPauseDuration() - paused).TotalSeconds:0.0} s, collections gen0/1/2 {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  folding thread: waiting for read-ahead (read + deserialize) {t.WaitingForReads.TotalSeconds:0.00} s, fold {t.Folding.TotalSeconds:0.00} s, audit writes {t.Writing.TotalSeconds:0.00} s, commits {t.Committing.TotalSeconds:0.00} s, evaluation {t.Evaluating.TotalSeconds:0.00} s"));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
