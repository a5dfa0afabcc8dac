using System.Text.Json;
using Compliance.Adapters.Kubernetes.Model;
using k8s;
using k8s.Models;

namespace Compliance.Adapters.Kubernetes.Watching;

/// <summary>The list and watch calls of each resource the watcher reads, through KubernetesClient.</summary>
internal static class Resources
{
    /// <summary>The Cluster API resources, watched where discovery lists their groups.</summary>
    public static readonly IReadOnlyList<(string Group, string Plural, string Kind)> ClusterApiKinds =
    [
        ("cluster.x-k8s.io", "clusters", "Cluster"),
        ("cluster.x-k8s.io", "machinedeployments", "MachineDeployment"),
        ("controlplane.cluster.x-k8s.io", "kubeadmcontrolplanes", "KubeadmControlPlane"),
    ];

    /// <summary>Every (API group, resource) the watcher lists and watches: what its read-only ClusterRole must grant, and no more.</summary>
    public static readonly IReadOnlyList<(string Group, string Plural)> Read =
    [
        ("", "nodes"), ("", "pods"), ("apps", "deployments"), ("apps", "statefulsets"), ("policy", "poddisruptionbudgets"),
        .. ClusterApiKinds.Select(k => (k.Group, k.Plural)),
    ];

    public static ResourceApi<V1Node, NodeSnapshot> Nodes(IKubernetes kube, int pageSize) => new(
        "nodes",
        async (next, ct) => Page(await kube.CoreV1.ListNodeAsync(continueParameter: next, limit: pageSize, cancellationToken: ct)),
        (rv, timeout, onError, ct) => kube.CoreV1.WatchListNodeAsync(allowWatchBookmarks: true, resourceVersion: rv,
            timeoutSeconds: timeout, onError: onError, cancellationToken: ct),
        n => n.Metadata?.ResourceVersion,
        Mapping.Node);

    public static ResourceApi<V1Pod, PodSnapshot> Pods(IKubernetes kube, int pageSize) => new(
        "pods",
        async (next, ct) => Page(await kube.CoreV1.ListPodForAllNamespacesAsync(continueParameter: next, limit: pageSize, cancellationToken: ct)),
        (rv, timeout, onError, ct) => kube.CoreV1.WatchListPodForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv,
            timeoutSeconds: timeout, onError: onError, cancellationToken: ct),
        p => p.Metadata?.ResourceVersion,
        Mapping.Pod);

    public static ResourceApi<V1Deployment, WorkloadSnapshot> Deployments(IKubernetes kube, int pageSize) => new(
        "deployments",
        async (next, ct) => Page(await kube.AppsV1.ListDeploymentForAllNamespacesAsync(continueParameter: next, limit: pageSize, cancellationToken: ct)),
        (rv, timeout, onError, ct) => kube.AppsV1.WatchListDeploymentForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv,
            timeoutSeconds: timeout, onError: onError, cancellationToken: ct),
        d => d.Metadata?.ResourceVersion,
        d => Mapping.Workload("Deployment", d.Metadata, d.Spec?.Replicas, d.Spec?.Selector, d.Spec?.Template));

    public static ResourceApi<V1StatefulSet, WorkloadSnapshot> StatefulSets(IKubernetes kube, int pageSize) => new(
        "statefulsets",
        async (next, ct) => Page(await kube.AppsV1.ListStatefulSetForAllNamespacesAsync(continueParameter: next, limit: pageSize, cancellationToken: ct)),
        (rv, timeout, onError, ct) => kube.AppsV1.WatchListStatefulSetForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv,
            timeoutSeconds: timeout, onError: onError, cancellationToken: ct),
        s => s.Metadata?.ResourceVersion,
        s => Mapping.Workload("StatefulSet", s.Metadata, s.Spec?.Replicas, s.Spec?.Selector, s.Spec?.Template));

    public static ResourceApi<V1PodDisruptionBudget, PdbSnapshot> PodDisruptionBudgets(IKubernetes kube, int pageSize) => new(
        "poddisruptionbudgets",
        async (next, ct) => Page(await kube.PolicyV1.ListPodDisruptionBudgetForAllNamespacesAsync(continueParameter: next, limit: pageSize, cancellationToken: ct)),
        (rv, timeout, onError, ct) => kube.PolicyV1.WatchListPodDisruptionBudgetForAllNamespacesAsync(allowWatchBookmarks: true,
            resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct),
        p => p.Metadata?.ResourceVersion,
        Mapping.Pdb);

    /// <summary>A Cluster API resource (served as custom objects, read as untyped JSON).</summary>
    public static ResourceApi<JsonElement, ClusterApiSnapshot> ClusterApi(IKubernetes kube, string group, string plural, string kind, int pageSize) => new(
        plural,
        async (next, ct) => CustomPage(await kube.CustomObjects.ListClusterCustomObjectAsync(group, "v1beta1", plural,
            continueParameter: next, limit: pageSize, cancellationToken: ct)),
        (rv, timeout, onError, ct) => Json(kube.CustomObjects.WatchListClusterCustomObjectAsync(group, "v1beta1", plural,
            allowWatchBookmarks: true, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct), ct),
        Mapping.ResourceVersionOf,
        o => Mapping.ClusterApi(kind, o));

    private static ListPage<T> Page<T>(IItems<T> list) where T : IKubernetesObject =>
        new([.. list.Items ?? []], ((IMetadata<V1ListMeta>)list).Metadata?.ResourceVersion ?? "", ((IMetadata<V1ListMeta>)list).Metadata?.ContinueProperty);

    private static ListPage<JsonElement> CustomPage(object list)
    {
        var json = list is JsonElement e ? e : JsonSerializer.SerializeToElement(list);
        var items = json.TryGetProperty("items", out var i) && i.ValueKind == JsonValueKind.Array ? i.EnumerateArray().ToList() : [];
        var metadata = json.TryGetProperty("metadata", out var m) ? m : default;
        string? Text(string name) => metadata.ValueKind == JsonValueKind.Object && metadata.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return new(items, Text("resourceVersion") ?? "", Text("continue"));
    }

    private static async IAsyncEnumerable<(WatchEventType, JsonElement)> Json(IAsyncEnumerable<(WatchEventType, object)> events,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var (type, obj) in events.WithCancellation(ct))
            yield return (type, obj is JsonElement e ? e : JsonSerializer.SerializeToElement(obj));
    }
}
