using Compliance.Adapters.Kubernetes.Model;
using Compliance.Adapters.Kubernetes.Watching;
using k8s;
using Microsoft.Extensions.Logging;

namespace Compliance.Adapters.Kubernetes;

/// <summary>Cluster API objects: watched where their groups are served, logged and shown in health (no contract carries them).</summary>
internal sealed partial class ClusterWatcher
{
    /// <summary>Finds out from discovery whether the Cluster API groups are served, then watches their objects (logged and shown in health: no contract carries them).</summary>
    private async Task ClusterApiAsync(IKubernetes kube, StreamSettings settings, CancellationToken ct)
    {
        var backoff = new Backoff(options.RetryInitial, options.RetryMaximum);
        HashSet<string> groups;
        while (true)
        {
            try
            {
                var list = await kube.Apis.GetAPIVersionsAsync(ct);
                groups = list.Groups?.Select(g => g.Name).ToHashSet(StringComparer.Ordinal) ?? [];
                break;
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                logger.LogDebug("API discovery of cluster {Cluster} failed ({Error})", target.ClusterId, e.Message);
                try
                {
                    await Task.Delay(backoff.Next(), time, ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        var served = Resources.ClusterApiKinds.Where(r => groups.Contains(r.Group)).ToList();
        if (served.Count == 0)
        {
            logger.LogInformation("Cluster {Cluster} serves no Cluster API groups; not watching Cluster API objects", target.ClusterId);
            return;
        }

        await Task.WhenAll(served.Select(r => Stream(kube, Resources.ClusterApi(r.Group, r.Plural, r.Kind), ClusterApiSink(r.Kind), settings, ct)));
    }

    private SnapshotSink<ClusterApiSnapshot> ClusterApiSink(string kind) => new(
        listed =>
        {
            model.ReplaceClusterApi(kind, listed);
            foreach (var obj in listed) Log(obj);
            ShowClusterApi();
        },
        obj =>
        {
            if (model.PutClusterApi(obj)) Log(obj);
            ShowClusterApi();
        },
        obj =>
        {
            model.RemoveClusterApi(obj.Kind, obj.Namespace, obj.Name);
            logger.LogInformation("Cluster {Cluster}: Cluster API {Kind} {Namespace}/{Name} deleted", target.ClusterId, obj.Kind, obj.Namespace, obj.Name);
            ShowClusterApi();
        });

    private void Log(ClusterApiSnapshot obj) =>
        logger.LogInformation("Cluster {Cluster}: Cluster API {Kind} {Namespace}/{Name} version {Version}, phase {Phase}",
            target.ClusterId, obj.Kind, obj.Namespace, obj.Name, obj.Version.Length > 0 ? obj.Version : "(none)", obj.Phase.Length > 0 ? obj.Phase : "(none)");

    private void ShowClusterApi() => State.Details = model.ClusterApiObjects.ToDictionary(
        o => $"clusterapi/{o.Kind}/{o.Namespace}/{o.Name}", o => $"version {o.Version}, phase {o.Phase}", StringComparer.Ordinal);
}
