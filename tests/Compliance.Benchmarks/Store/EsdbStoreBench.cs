using System.Diagnostics;
using Compliance.Adapters.EventStoreDb;
using Compliance.Application.Serialization;
using Compliance.Application.Store;
using Compliance.Benchmarks.Api;

namespace Compliance.Benchmarks.Store;

/// <summary>What <c>store --store esdb://...</c> runs: the events of the append phases, the ledger the index probe reads, the runs.</summary>
internal sealed record EsdbBenchOptions(string ConnectionString, int Events, int IndexEvents, int Runs);

/// <summary>
/// The EventStoreDB store against a raw gRPC append to the same server, in one run, each run on a fresh ledger stream:
/// single appends and batches of 100 (raw, then the store), single exact-revision appends to a 100-event and a
/// 5,000-event logical stream (interleaved, so load drifts alike on both), the index build of the whole ledger in a
/// fresh process, and two store instances appending at once. Every client makes <see cref="WarmUpCalls"/> single calls
/// and five batches before its clock starts.
/// </summary>
internal static class EsdbStoreBench
{
    public const int WarmUpCalls = 50;
    private const int Batch = StoreBench.BatchSize;
    private const int WarmUpBatches = 5;
    private const int LengthSamples = 300;
    private const int ConcurrentPerInstance = 1_000;

    public static async Task RunAsync(EsdbBenchOptions options, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var settings = EsdbConnectionString.Parse(options.ConnectionString);
        output.WriteLine($"EventStoreDB {settings}; {options.Runs} run(s), each on a fresh ledger stream; {WarmUpCalls} warm-up calls per client before its clock starts");
        output.WriteLine($"{Environment.ProcessorCount} cores; load average (1, 5, 15 min) before: {RunUsage.ReadLoadAverage()}");
        var runs = new List<EsdbBenchFigures>();
        for (var run = 1; run <= options.Runs; run++)
        {
            var figures = await RunOnceAsync(settings, options, ct).ConfigureAwait(false);
            figures.Write(output, $"run {run} of {options.Runs}");
            runs.Add(figures);
        }

        if (runs.Count > 1) EsdbBenchFigures.Median(runs).Write(output, $"median of {runs.Count} runs");
    }

    /// <summary>Ledger-sized events (the store benchmark's mix of node observations, upgrades and drain risks) with fresh ids.</summary>
    public static List<EventToAppend> Rows(int count)
    {
        var metadata = new EventMetadata("bench", Guid.NewGuid(), Guid.NewGuid());
        return [.. StoreBenchEvents.Create(count).Select(e => EventSerializer.Default.ToStored(e, Guid.NewGuid(), metadata))];
    }

    private static async Task<EsdbBenchFigures> RunOnceAsync(EsdbSettings settings, EsdbBenchOptions options, CancellationToken ct)
    {
        var run = Guid.NewGuid().ToString("N")[..12];
        var singles = Math.Max(WarmUpCalls, options.Events / 10);
        var warmSingles = Rows(WarmUpCalls);
        var singleRows = Rows(singles);
        var warmBatches = Rows(WarmUpBatches * Batch);
        var batchRows = Rows(options.Events / Batch * Batch);

        var (rawSingle, rawBatch) = await RawAsync(settings, run, warmSingles, singleRows, warmBatches, batchRows, ct).ConfigureAwait(false);

        var ledger = $"bench{run}-ledger";
        using var store = new EventStoreDbEventStore(settings, ledger, TimeProvider.System);
        foreach (var row in warmSingles) await store.AppendAsync("warm-up", ExpectedRevision.Any, [row], ct).ConfigureAwait(false);
        var storeSingle = await Timed.MeasureAsync(singles, 1, i => store.AppendAsync(StoreBench.StreamOf(i), ExpectedRevision.Any, [singleRows[i]], ct)).ConfigureAwait(false);
        await AppendBatchesAsync(store, "warm-up", warmBatches, ct).ConfigureAwait(false);
        var storeBatch = await Timed.MeasureAsync(batchRows.Count / Batch, Batch,
            i => store.AppendAsync(StoreBench.StreamOf(i), ExpectedRevision.Any, batchRows.GetRange(i * Batch, Batch), ct)).ConfigureAwait(false);

        var (shortStream, longStream) = await StreamLengthAsync(store, ct).ConfigureAwait(false);

        var (head, _) = await store.ReadHeadAsync(ct).ConfigureAwait(false);
        for (; head < options.IndexEvents; head += 1_000)
            await AppendBatchesAsync(store, StoreBench.StreamOf((int)(head / 1_000)), Rows(1_000), ct).ConfigureAwait(false);
        var index = await EsdbIndexProbe.RunAsync(options.ConnectionString, ledger, ct).ConfigureAwait(false);

        var concurrent = await ConcurrentAsync(settings, ledger, ct).ConfigureAwait(false);
        return new EsdbBenchFigures(rawSingle, rawBatch, storeSingle, storeBatch, shortStream, longStream, index, concurrent, RunUsage.ReadLoadAverage());
    }

    private static async Task<(Timed Single, Timed Batch)> RawAsync(EsdbSettings settings, string run, List<EventToAppend> warmSingles, List<EventToAppend> singles,
        List<EventToAppend> warmBatches, List<EventToAppend> batches, CancellationToken ct)
    {
        using var one = new EsdbRawAppend(settings, $"bench{run}-raw-1");
        foreach (var call in one.Prepare(warmSingles, 1)) await one.AppendAsync(call, ct).ConfigureAwait(false);
        var singleCalls = one.Prepare(singles, 1);
        var single = await Timed.MeasureAsync(singleCalls.Count, 1, i => one.AppendAsync(singleCalls[i], ct)).ConfigureAwait(false);

        using var hundred = new EsdbRawAppend(settings, $"bench{run}-raw-100");
        foreach (var call in hundred.Prepare(warmBatches, Batch)) await hundred.AppendAsync(call, ct).ConfigureAwait(false);
        var batchCalls = hundred.Prepare(batches, Batch);
        var batch = await Timed.MeasureAsync(batchCalls.Count, Batch, i => hundred.AppendAsync(batchCalls[i], ct)).ConfigureAwait(false);
        return (single, batch);
    }

    /// <summary>Single appends at the exact revision, alternating between a 100-event and a 5,000-event logical stream.</summary>
    private static async Task<(Timed Short, Timed Long)> StreamLengthAsync(EventStoreDbEventStore store, CancellationToken ct)
    {
        const string shortStream = "length-100", longStream = "length-5000";
        await AppendBatchesAsync(store, shortStream, Rows(100), ct).ConfigureAwait(false);
        await AppendBatchesAsync(store, longStream, Rows(5_000), ct).ConfigureAwait(false);
        var rows = Rows(2 * LengthSamples);
        var (shortLatencies, longLatencies) = (new double[LengthSamples], new double[LengthSamples]);
        for (var i = 0; i < LengthSamples; i++)
        {
            shortLatencies[i] = await TimeAsync(() => store.AppendAsync(shortStream, ExpectedRevision.Exact(99 + i), [rows[2 * i]], ct)).ConfigureAwait(false);
            longLatencies[i] = await TimeAsync(() => store.AppendAsync(longStream, ExpectedRevision.Exact(4_999 + i), [rows[2 * i + 1]], ct)).ConfigureAwait(false);
        }

        return (Timed.Of(shortLatencies, 1), Timed.Of(longLatencies, 1));
    }

    /// <summary>Two store instances on one ledger, each appending single events to streams of its own, at once.</summary>
    private static async Task<ConcurrentFigures> ConcurrentAsync(EsdbSettings settings, string ledger, CancellationToken ct)
    {
        using var first = new EventStoreDbEventStore(settings, ledger, TimeProvider.System);
        using var second = new EventStoreDbEventStore(settings, ledger, TimeProvider.System);
        var instances = new[] { first, second };
        // Each reads the ledger into its index before the clock starts.
        foreach (var store in instances) await store.AppendAsync("warm-up", ExpectedRevision.Any, Rows(1), ct).ConfigureAwait(false);
        var rows = instances.Select(_ => Rows(ConcurrentPerInstance)).ToArray();
        var before = instances.Sum(s => s.LedgerConflicts);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(instances.Select((store, n) => Task.Run(async () =>
        {
            for (var i = 0; i < ConcurrentPerInstance; i++)
                await store.AppendAsync($"writer{n}-{i % 10}", ExpectedRevision.Any, [rows[n][i]], ct).ConfigureAwait(false);
        }, ct))).ConfigureAwait(false);
        clock.Stop();
        return new ConcurrentFigures(instances.Length * ConcurrentPerInstance, clock.Elapsed.TotalSeconds, instances.Sum(s => s.LedgerConflicts) - before);
    }

    private static async Task AppendBatchesAsync(EventStoreDbEventStore store, string stream, List<EventToAppend> rows, CancellationToken ct)
    {
        for (var start = 0; start < rows.Count; start += Batch)
            await store.AppendAsync(stream, ExpectedRevision.Any, rows.GetRange(start, Math.Min(Batch, rows.Count - start)), ct).ConfigureAwait(false);
    }

    private static async Task<double> TimeAsync(Func<Task> call)
    {
        var started = Stopwatch.GetTimestamp();
        await call().ConfigureAwait(false);
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
}
