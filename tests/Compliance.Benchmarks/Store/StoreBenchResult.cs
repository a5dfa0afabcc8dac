namespace Compliance.Benchmarks.Store;

/// <summary>
/// One measured phase: how many events, how long (wall clock), the process CPU time it used (all threads, including GC;
/// steadier than wall time on a busy machine) and how much it allocated.
/// </summary>
internal sealed record BenchPhase(string Name, int Events, TimeSpan Elapsed, TimeSpan CpuTime, long AllocatedBytes)
{
    public double CpuMicrosecondsPerEvent => CpuTime.TotalMicroseconds / Math.Max(Events, 1);

    public double EventsPerSecond => Events / Math.Max(Elapsed.TotalSeconds, 1e-9);

    public double AllocatedBytesPerEvent => (double)AllocatedBytes / Math.Max(Events, 1);
}

/// <summary>The store benchmark's figures; <see cref="Phases"/> in the order they ran.</summary>
internal sealed record StoreBenchResult(
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
