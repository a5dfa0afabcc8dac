using System.Diagnostics;
using System.Globalization;
using Compliance.Adapters.Sqlite.Events;
using Compliance.Application.Serialization;
using Compliance.Application.Store;

namespace Compliance.Benchmarks.Store;

/// <summary>
/// Measures the embedded store on fresh files under <c>dir</c> (removed afterwards): serialization, appends one event at
/// a time and in batches of 100 under both synchronous modes, the raw INSERT floor for the same rows, catch-up reads,
/// chain verification and deserialization, with allocations per event and the process's peak working set.
/// Single-event appends run on a tenth of the events: each is its own transaction (and fsync under FULL).
/// </summary>
internal static class StoreBench
{
    public const int BatchSize = 100;

    public static async Task<StoreBenchResult> RunAsync(string dir, int events, TextWriter output, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dir);
        ArgumentOutOfRangeException.ThrowIfLessThan(events, BatchSize);
        ArgumentNullException.ThrowIfNull(output);
        var folder = Directory.CreateDirectory(Path.Combine(dir, $"store-bench-{Guid.NewGuid():N}")).FullName;
        try
        {
            var phases = new List<BenchPhase>();
            var domainEvents = StoreBenchEvents.Create(events);
            var metadata = new EventMetadata("bench", Guid.NewGuid(), Guid.NewGuid());
            var source = Guid.NewGuid();
            List<EventToAppend> rows = [];
            phases.Add(Measure("serialize (ToStored)", events, () =>
                rows = [.. domainEvents.Select((e, i) => EventSerializer.Default.ToStored(e, EventIds.Derive(source, i), metadata))]));

            var singles = Math.Max(1, events / 10);
            var full = Path.Combine(folder, "batched-full.db");
            phases.Add(await MeasureAsync("append single (FULL)", singles, () => AppendAsync(Path.Combine(folder, "single.db"), rows.Take(singles).ToList(), 1, SqliteSynchronous.Full, ct)).ConfigureAwait(false));
            phases.Add(await MeasureAsync("append batch 100 (FULL)", events, () => AppendAsync(full, rows, BatchSize, SqliteSynchronous.Full, ct)).ConfigureAwait(false));
            phases.Add(await MeasureAsync("append batch 100 (NORMAL)", events, () => AppendAsync(Path.Combine(folder, "batched-normal.db"), rows, BatchSize, SqliteSynchronous.Normal, ct)).ConfigureAwait(false));
            phases.Add(Measure("raw INSERT batch 100 (FULL)", events, () => RawInsertReference.Run(Path.Combine(folder, "raw-full.db"), rows, BatchSize, SqliteSynchronous.Full, ct)));
            phases.Add(Measure("raw INSERT batch 100 (NORMAL)", events, () => RawInsertReference.Run(Path.Combine(folder, "raw-normal.db"), rows, BatchSize, SqliteSynchronous.Normal, ct)));

            using (var store = new SqliteEventStore(full, TimeProvider.System))
            {
                List<StoredEvent> stored = [];
                phases.Add(await MeasureAsync("read all (pages of 1000)", events, async () => stored = await ReadAllAsync(store, ct).ConfigureAwait(false)).ConfigureAwait(false));
                phases.Add(await MeasureAsync("verify hash chain", events, async () =>
                {
                    var verification = await HashChainVerifier.VerifyAsync(store, ct).ConfigureAwait(false);
                    if (!verification.Intact || verification.Verified != events)
                    {
                        throw new InvalidOperationException($"The benchmark's own ledger does not verify: {verification}");
                    }
                }).ConfigureAwait(false));
                phases.Add(Measure("deserialize (FromStored)", events, () => stored.ForEach(e => EventSerializer.Default.FromStored(e))));
            }

            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var result = new StoreBenchResult(phases, process.PeakWorkingSet64, GC.GetGCMemoryInfo().HeapSizeBytes,
                GC.GetTotalAllocatedBytes(precise: true), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            await WriteAsync(result, output).ConfigureAwait(false);
            return result;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    public static string StreamOf(int batch) => string.Create(CultureInfo.InvariantCulture, $"observations-c{batch % 50}");

    private static async Task AppendAsync(string path, List<EventToAppend> rows, int batchSize, SqliteSynchronous synchronous, CancellationToken ct)
    {
        using var store = new SqliteEventStore(path, TimeProvider.System, synchronous);
        for (var start = 0; start < rows.Count; start += batchSize)
        {
            var batch = rows.GetRange(start, Math.Min(batchSize, rows.Count - start));
            await store.AppendAsync(StreamOf(start / batchSize), ExpectedRevision.Any, batch, ct).ConfigureAwait(false);
        }
    }

    private static async Task<List<StoredEvent>> ReadAllAsync(IEventReader reader, CancellationToken ct)
    {
        var all = new List<StoredEvent>();
        while (true)
        {
            var before = all.Count;
            await foreach (var e in reader.ReadAllAsync(all.Count + 1, 1_000, ct).ConfigureAwait(false))
            {
                all.Add(e);
            }

            if (all.Count - before < 1_000)
            {
                return all;
            }
        }
    }

    private static BenchPhase Measure(string name, int events, Action run) =>
        MeasureAsync(name, events, () => { run(); return Task.CompletedTask; }).GetAwaiter().GetResult();

    private static async Task<BenchPhase> MeasureAsync(string name, int events, Func<Task> run)
    {
        using var process = Process.GetCurrentProcess();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await run().ConfigureAwait(false);
        clock.Stop();
        process.Refresh();
        return new BenchPhase(name, events, clock.Elapsed, process.TotalProcessorTime - cpu, GC.GetTotalAllocatedBytes(precise: true) - allocated);
    }

    private static async Task WriteAsync(StoreBenchResult result, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        await output.WriteLineAsync($"{"phase",-32}{"events",10}{"seconds",10}{"events/s",12}{"cpu µs/event",14}{"alloc B/event",15}").ConfigureAwait(false);
        foreach (var p in result.Phases)
        {
            await output.WriteLineAsync(string.Create(c,
                $"{p.Name,-32}{p.Events,10:N0}{p.Elapsed.TotalSeconds,10:F2}{p.EventsPerSecond,12:N0}{p.CpuMicrosecondsPerEvent,14:F1}{p.AllocatedBytesPerEvent,15:N0}")).ConfigureAwait(false);
        }

        await output.WriteLineAsync(string.Create(c,
            $"peak working set {result.PeakWorkingSetBytes / 1048576.0:F1} MiB, GC heap {result.GcHeapBytes / 1048576.0:F1} MiB, allocated {result.TotalAllocatedBytes / 1048576.0:F1} MiB, collections gen0/1/2 {result.Gen0Collections}/{result.Gen1Collections}/{result.Gen2Collections}")).ConfigureAwait(false);
    }
}
