using Compliance.Adapters.Kubernetes.Watching;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Compliance.Adapters.Kubernetes;

/// <summary>
/// Each configured cluster's watch state: connected, connecting or backing off, reconnects and the last error; a
/// configured cluster that is not watched (its context missing or unreadable, its watch stopped) with the reason.
/// Degraded (not unhealthy) while any configured cluster is unwatched or unreachable: the ledger and queries still
/// serve, and the watcher keeps retrying the others.
/// </summary>
internal sealed class KubernetesHealthCheck(KubernetesWatchRegistry registry) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var clusters = registry.Clusters;
        var unavailable = registry.Unavailable;
        if (clusters.Count == 0 && unavailable.Count == 0)
        {
            var why = $"not watching any cluster: {registry.NotWatching ?? "starting"}";
            return Task.FromResult(registry.ConfigurationFailed ? HealthCheckResult.Degraded(why) : HealthCheckResult.Healthy(why));
        }

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

        foreach (var cluster in unavailable)
            data[cluster.ClusterId] = new Dictionary<string, object?> { ["state"] = "not watched", ["source"] = cluster.Source, ["lastError"] = cluster.Reason };

        var notWatched = unavailable.Select(c => c.ClusterId).ToList();
        var backingOff = clusters.Where(c => c.Status == WatchStatus.BackingOff && !notWatched.Contains(c.ClusterId)).Select(c => c.ClusterId).ToList();
        var problems = new List<string>();
        if (notWatched.Count > 0) problems.Add($"not watched: {string.Join(", ", notWatched)}");
        if (backingOff.Count > 0) problems.Add($"backing off: {string.Join(", ", backingOff)}");
        return Task.FromResult(problems.Count > 0
            ? HealthCheckResult.Degraded(string.Join("; ", problems), data: data)
            : HealthCheckResult.Healthy($"watching {clusters.Count} cluster(s)", data));
    }

    public static string Text(WatchStatus status) => status switch
    {
        WatchStatus.Connected => "connected",
        WatchStatus.BackingOff => "backing off",
        _ => "connecting",
    };
}
