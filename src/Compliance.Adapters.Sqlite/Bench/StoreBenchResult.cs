namespace Compliance.Adapters.Sqlite.Bench;

/// <summary>One measured phase: how many events, how long, and how much it allocated.</summary>
public sealed record BenchPhase(string Name, int Events, TimeSpan Elapsed, long AllocatedBytes)
{
    public double EventsPerSecond => Events / Math.Max(Elapsed.TotalSeconds, 1e-9);

    public double AllocatedBytesPerEvent => (double)AllocatedBytes / Math.Max(Events, 1);
}

/// <summary>The store benchmark's figures; <see cref="Phases"/> in the order they ran.</summary>
public sealed record StoreBenchResult(
    IReadOnlyList<BenchPhase> Phases,
    long PeakWorkingSetBytes,
    long GcHeapBytes,
    long TotalAllocatedBytes,
    int Gen0Collections,
    int Gen1Collections,
    int Gen2Collections)
{
    public BenchPhase Phase(string name) => Phases.Single(p => p.Name == name);
}
