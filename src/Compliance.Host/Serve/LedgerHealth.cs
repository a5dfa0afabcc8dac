using Compliance.Application.ReadModels;
using Compliance.Application.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Compliance.Host.Serve;

/// <summary>How far the read models are behind the ledger: in events, and in seconds since the oldest event not projected yet.</summary>
internal sealed record Lag(long Head, long Checkpoint, double Seconds)
{
    public long Events => Math.Max(0, Head - Checkpoint);
}

internal sealed class LagProbe(IEventReader ledger, IReadModelStore readModels, TimeProvider time)
{
    public async Task<Lag> MeasureAsync(CancellationToken ct)
    {
        var (head, _) = await ledger.ReadHeadAsync(ct);
        var checkpoint = await readModels.ReadCheckpointAsync(ct);
        double seconds = 0;
        if (checkpoint < head)
        {
            await foreach (var oldest in ledger.ReadAllAsync(checkpoint + 1, 1, ct))
                seconds = Math.Max(0, (time.GetUtcNow() - oldest.RecordedAt).TotalSeconds);
        }

        return new Lag(head, checkpoint, seconds);
    }
}

/// <summary>
/// Ready when the ledger and the read models can be read, agree (<see cref="LedgerGuard"/>) and the projections have
/// caught up (at most MaxLag events behind).
/// </summary>
internal sealed class ProjectionHealthCheck(LagProbe probe, ProjectionWorker worker, LedgerGuard guard) : IHealthCheck
{
    public const long MaxLag = 10_000;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        Lag lag;
        try
        {
            lag = await probe.MeasureAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("the ledger or the read models cannot be read", e);
        }

        var data = new Dictionary<string, object> { ["head"] = lag.Head, ["checkpoint"] = lag.Checkpoint, ["lagEvents"] = lag.Events, ["lagSeconds"] = lag.Seconds };
        if (await guard.DisagreementAsync(cancellationToken) is { } disagreement)
            return HealthCheckResult.Unhealthy($"the ledger and the read models disagree, writes are refused: {disagreement}", data: data);
        if (!worker.CaughtUp) return HealthCheckResult.Unhealthy("the projections are catching up", data: data);
        return lag.Events > MaxLag
            ? HealthCheckResult.Unhealthy($"the read models are {lag.Events} events behind the ledger", data: data)
            : HealthCheckResult.Healthy($"read models at {lag.Checkpoint} of {lag.Head}", data);
    }
}
