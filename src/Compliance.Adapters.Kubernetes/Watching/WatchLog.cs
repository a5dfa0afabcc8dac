using Microsoft.Extensions.Logging;

namespace Compliance.Adapters.Kubernetes.Watching;

/// <summary>
/// One warning when a cluster becomes unreachable and one line when it is reachable again; the retries in between are
/// logged at Debug by their streams (a cluster has six, each retrying with backoff).
/// </summary>
internal static class WatchLog
{
    /// <summary>Records the failure; true when this one was logged as the cluster becoming unreachable.</summary>
    public static bool Failed(ILogger logger, ClusterWatchState state, string stream, Exception error, DateTimeOffset at)
    {
        if (!state.Failed(stream, error, at)) return false;
        logger.LogWarning("Kubernetes cluster {Cluster} is unreachable: {Stream} failed ({Error}); retrying with backoff until it answers",
            state.ClusterId, stream, error.Message);
        return true;
    }

    public static void Connected(ILogger logger, ClusterWatchState state, string stream)
    {
        if (state.Connected(stream)) logger.LogInformation("Kubernetes cluster {Cluster} is reachable again", state.ClusterId);
    }
}
