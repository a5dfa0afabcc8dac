using System.Diagnostics;
using System.Globalization;
using Compliance.Benchmarks.Api;

namespace Compliance.Benchmarks.Store;

/// <summary>One timed phase: calls made one after another, each call's latency, and the wall time of them all.</summary>
internal sealed record Timed(int Calls, int Events, double Seconds, double P50Ms, double P99Ms)
{
    public double CallsPerSecond => Calls / Math.Max(Seconds, 1e-9);

    public double EventsPerSecond => Events / Math.Max(Seconds, 1e-9);

    /// <summary>Times <paramref name="calls"/> calls of <paramref name="call"/> (given the call's index), one at a time.</summary>
    public static async Task<Timed> MeasureAsync(int calls, int eventsPerCall, Func<int, Task> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var latencies = new double[calls];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await call(i).ConfigureAwait(false);
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        total.Stop();
        return Of(latencies, eventsPerCall, total.Elapsed.TotalSeconds);
    }

    /// <summary>The figures of calls whose latencies are given; <paramref name="seconds"/> defaults to their sum.</summary>
    public static Timed Of(double[] latencies, int eventsPerCall, double? seconds = null)
    {
        ArgumentNullException.ThrowIfNull(latencies);
        var sorted = latencies.Order().ToArray();
        return new Timed(sorted.Length, sorted.Length * eventsPerCall, seconds ?? sorted.Sum() / 1000, Percentiles.Of(sorted, 0.50), Percentiles.Of(sorted, 0.99));
    }
}

/// <summary>The index build in a fresh process: events read, time to the first append, GC heap and working set it added.</summary>
internal sealed record IndexFigures(long Events, double FirstAppendSeconds, long HeapBytes, long WorkingSetBytes)
{
    public double BytesPerEvent => (double)HeapBytes / Math.Max(Events, 1);

    public double EventsPerSecond => Events / Math.Max(FirstAppendSeconds, 1e-9);
}

/// <summary>Two store instances appending single events to one ledger at once.</summary>
internal sealed record ConcurrentFigures(int Appends, double Seconds, long Conflicts)
{
    public double EventsPerSecond => Appends / Math.Max(Seconds, 1e-9);

    /// <summary>Ledger-stream conflicts (a write refused because the other instance extended the chain first) per append.</summary>
    public double ConflictRate => (double)Conflicts / Math.Max(Appends, 1);
}

/// <summary>What one run of <c>store --store esdb://...</c> measured, and how it is printed.</summary>
internal sealed record EsdbBenchFigures(
    Timed RawSingle,
    Timed RawBatch,
    Timed StoreSingle,
    Timed StoreBatch,
    Timed ShortStream,
    Timed LongStream,
    IndexFigures Index,
    ConcurrentFigures Concurrent,
    string LoadAverage)
{
    public double SingleRatio => StoreSingle.CallsPerSecond / RawSingle.CallsPerSecond;

    public double BatchRatio => StoreBatch.EventsPerSecond / RawBatch.EventsPerSecond;

    public double LengthRatio => LongStream.P50Ms / ShortStream.P50Ms;

    public void Write(TextWriter output, string title)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(title);
        output.WriteLine($"{"phase",-40}{"calls",8}{"events",9}{"p50 ms",9}{"p99 ms",9}{"calls/s",10}{"events/s",11}");
        Row(output, "raw gRPC append, 1 event", RawSingle);
        Row(output, "raw gRPC append, 100 events", RawBatch);
        Row(output, "store append, 1 event", StoreSingle);
        Row(output, "store append, 100 events", StoreBatch);
        Row(output, "store exact-revision append, 100-ev stream", ShortStream);
        Row(output, "store exact-revision append, 5,000-ev st.", LongStream);
        output.WriteLine(Text($"store/raw: single {SingleRatio:F2}, batch of 100 {BatchRatio:F2} (target >= 0.5); stream length 5,000/100 p50 {LengthRatio:F2} (target <= 1.5)"));
        output.WriteLine(Text($"index build, fresh process, {Index.Events:N0} events: first append after {Index.FirstAppendSeconds:F2} s ({Index.EventsPerSecond:N0} events/s), GC heap +{Index.HeapBytes / 1048576.0:F1} MiB = {Index.BytesPerEvent:F0} B/event, working set +{Index.WorkingSetBytes / 1048576.0:F1} MiB"));
        output.WriteLine(Text($"two instances, {Concurrent.Appends:N0} single appends at once: {Concurrent.EventsPerSecond:N0} events/s, {Concurrent.Conflicts:N0} ledger conflicts ({Concurrent.ConflictRate:P1} of appends)"));
        output.WriteLine($"load average (1, 5, 15 min) after the run: {LoadAverage}");
    }

    /// <summary>The median of each figure over <paramref name="runs"/>, printed like one run.</summary>
    public static EsdbBenchFigures Median(IReadOnlyList<EsdbBenchFigures> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        static double M(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }

        Timed T(Func<EsdbBenchFigures, Timed> of) => new(of(runs[0]).Calls, of(runs[0]).Events, M(runs.Select(r => of(r).Seconds)),
            M(runs.Select(r => of(r).P50Ms)), M(runs.Select(r => of(r).P99Ms)));
        return new EsdbBenchFigures(T(r => r.RawSingle), T(r => r.RawBatch), T(r => r.StoreSingle), T(r => r.StoreBatch), T(r => r.ShortStream), T(r => r.LongStream),
            new IndexFigures(runs[0].Index.Events, M(runs.Select(r => r.Index.FirstAppendSeconds)), (long)M(runs.Select(r => (double)r.Index.HeapBytes)),
                (long)M(runs.Select(r => (double)r.Index.WorkingSetBytes))),
            new ConcurrentFigures(runs[0].Concurrent.Appends, M(runs.Select(r => r.Concurrent.Seconds)), (long)M(runs.Select(r => (double)r.Concurrent.Conflicts))),
            string.Join("; ", runs.Select(r => r.LoadAverage)));
    }

    private static void Row(TextWriter output, string name, Timed t) =>
        output.WriteLine(Text($"{name,-40}{t.Calls,8:N0}{t.Events,9:N0}{t.P50Ms,9:F2}{t.P99Ms,9:F2}{t.CallsPerSecond,10:N0}{t.EventsPerSecond,11:N0}"));

    private static string Text(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
