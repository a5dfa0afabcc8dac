using Compliance.Application.ReadModels;
using Compliance.Domain.Verdicts;

namespace Compliance.Benchmarks.Watcher;

/// <summary>
/// Observation-to-read-model latency: from the instant a node change was made in the API server (its stamp) to the
/// instant the projection committed read models evaluated past the ledger position the change was recorded at.
/// </summary>
internal sealed class LatencyProbe
{
    private readonly Lock gate = new();
    private readonly Queue<(long Position, DateTimeOffset Changed)> waiting = new();
    private readonly List<double> milliseconds = [];
    private readonly List<double> ingest = [];
    private long recorded;
    private long evaluated;

    /// <summary>The read models reflect everything recorded so far.</summary>
    public bool CaughtUp
    {
        get { lock (gate) return recorded > 0 && evaluated >= recorded; }
    }

    public void Recorded(long position)
    {
        lock (gate) recorded = Math.Max(recorded, position);
    }

    /// <summary>A stamped change reached the publisher (no ledger: the watcher's own latency).</summary>
    public void Published(DateTimeOffset changedAt)
    {
        lock (gate) ingest.Add((DateTimeOffset.UtcNow - changedAt).TotalMilliseconds);
    }

    public void Changed(long position, DateTimeOffset changedAt)
    {
        lock (gate)
        {
            waiting.Enqueue((position, changedAt));
            ingest.Add((DateTimeOffset.UtcNow - changedAt).TotalMilliseconds);
        }
    }

    public void Evaluated(long checkpoint, DateTimeOffset at)
    {
        lock (gate)
        {
            evaluated = Math.Max(evaluated, checkpoint);
            while (waiting.TryPeek(out var next) && next.Position <= checkpoint)
            {
                waiting.Dequeue();
                milliseconds.Add((at - next.Changed).TotalMilliseconds);
            }
        }
    }

    public void Reset()
    {
        lock (gate)
        {
            waiting.Clear();
            milliseconds.Clear();
            ingest.Clear();
        }
    }

    /// <summary>Change to read model (committed with the cluster evaluated past it).</summary>
    public (int Count, double P50, double P99, double Max) Summary()
    {
        lock (gate) return Percentiles(milliseconds);
    }

    /// <summary>Change to ledger (the observation appended): the watcher's part of the latency.</summary>
    public (int Count, double P50, double P99, double Max) IngestSummary()
    {
        lock (gate) return Percentiles(ingest);
    }

    private static (int Count, double P50, double P99, double Max) Percentiles(List<double> values)
    {
        if (values.Count == 0) return (0, 0, 0, 0);
        var sorted = values.Order().ToList();
        double At(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        return (sorted.Count, At(0.50), At(0.99), sorted[^1]);
    }
}

/// <summary>Read models that tell the probe when a commit carried evaluated clusters (the read model then shows every change up to its checkpoint).</summary>
internal sealed class TimedReadModels(IReadModelStore inner, LatencyProbe probe) : IReadModelStore
{
    public async Task CommitAsync(ReadModelBatch batch, CancellationToken ct)
    {
        await inner.CommitAsync(batch, ct);
        if (batch.Clusters.Count > 0) probe.Evaluated(batch.Checkpoint, DateTimeOffset.UtcNow);
    }

    public Task<long> ReadCheckpointAsync(CancellationToken ct) => inner.ReadCheckpointAsync(ct);

    public Task ResetAsync(CancellationToken ct) => inner.ResetAsync(ct);

    public Task<IReadOnlyList<ClusterRow>> ClustersAsync(CancellationToken ct) => inner.ClustersAsync(ct);

    public Task<IReadOnlyList<(string ClusterId, ComponentInterval Component)>> ComponentsAtAsync(string? clusterId, DateTimeOffset at, CancellationToken ct) =>
        inner.ComponentsAtAsync(clusterId, at, ct);

    public Task<IReadOnlyList<PatchLatencyVerdict>> PatchesAsync(string? clusterId, CancellationToken ct) => inner.PatchesAsync(clusterId, ct);

    public Task<IReadOnlyList<Finding>> FindingsAsync(string? clusterId, FindingKind? kind, CancellationToken ct) => inner.FindingsAsync(clusterId, kind, ct);

    public Task<IReadOnlyList<CatalogFactRow>> CatalogFactsAsync(DateTimeOffset recordedUpTo, CancellationToken ct) => inner.CatalogFactsAsync(recordedUpTo, ct);

    public Task<IReadOnlyList<AuditEntry>> AuditLogAsync(string clusterId, int skip, int take, CancellationToken ct) => inner.AuditLogAsync(clusterId, skip, take, ct);

    public Task<IReadOnlyList<ExceptionVerdict>> ExceptionsAsync(string? clusterId, CancellationToken ct) => inner.ExceptionsAsync(clusterId, ct);

    public Task<string> DigestAsync(CancellationToken ct) => inner.DigestAsync(ct);
}
