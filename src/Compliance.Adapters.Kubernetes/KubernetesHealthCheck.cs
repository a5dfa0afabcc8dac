using Compliance.Adapters.Kubernetes.Watching;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Compliance.Adapters.Kubernetes;

/// <summary>
/// Each watched cluster's watch state: connected, connecting or backing off, reconnects and the last error. Degraded
/// (not unhealthy) while a cluster is unreachable: the ledger and queries still serve, and the watcher keeps retrying.
/// </summary>
internal sealed class KubernetesHealthCheck(KubernetesWatchRegistry registry) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var clusters = registry.Clusters;
        if (clusters.Count == 0)
            return Task.FromResult(HealthCheckResult.Healthy($"not watching any cluster: {registry.NotWatching ?? "starting"}"));
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var cluster in clusters)
        {
            var failure = cluster.LastFailure;
            data[cluster.ClusterId] = new Dictionary<string, object?>
            {
                ["state"] = Text(cluster.Status),
                ["source"] = cluster.Source,
                ["reconnects"] = cluster.Reconnects,
                ["lastError"] = failure is null ? null : $"{failure.Stream}: {failure.LastError}",
                ["lastErrorAt"] = failure?.LastErrorAt,
                ["streams"] = cluster.Streams.ToDictionary(s => s.Stream, s => Text(s.Status)),
                ["clusterApi"] = cluster.Details,
            };
        }

        var backingOff = clusters.Where(c => c.Status == WatchStatus.BackingOff).Select(c => c.ClusterId).ToList();
        return Task.FromResult(backingOff.Count > 0
            ? HealthCheckResult.Degraded($"backing off: {string.Join(", ", backingOff)}", data: data)
            : HealthCheckResult.Healthy($"watching {clusters.Count} cluster(s)", data));
    }

    public static string Text(WatchStatus status) => status switch
    {
        WatchStatus.Connected => "connected",
        WatchStatus.BackingOff => "backing off",
        _ => "connecting",
    };
}
