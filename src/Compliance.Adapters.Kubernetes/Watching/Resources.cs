using System.Text.Json;
using Compliance.Adapters.Kubernetes.Model;
using k8s;
using k8s.Models;

namespace Compliance.Adapters.Kubernetes.Watching;

/// <summary>
/// One resource the watcher lists then watches: its API group and plural (what its ClusterRole must grant), the list
/// call (one page, continue token and page size) and the watch call (from a resourceVersion, with bookmarks) through
/// KubernetesClient, and how its objects become snapshots.
/// </summary>
internal sealed record WatchedResource<T, TSnapshot>(
    string Group,
    string Plural,
    Func<IKubernetes, string?, int, CancellationToken, Task<ListPage<T>>> List,
    Func<IKubernetes, string, int, Action<Exception>, CancellationToken, IAsyncEnumerable<(WatchEventType Type, T Object)>> Watch,
    Func<T, string?> ResourceVersionOf,
    Func<T, TSnapshot> Map)
{
    /// <summary>The stream's calls bound to one cluster's client; the stream is named by the plural.</summary>
    public ResourceApi<T, TSnapshot> On(IKubernetes kube, int pageSize) =>
        new(Plural, (next, ct) => List(kube, next, pageSize, ct), (rv, timeout, onError, ct) => Watch(kube, rv, timeout, onError, ct), ResourceVersionOf, Map);
}

/// <summary>Every resource the watcher reads, each registered once: the typed core and apps resources, and Cluster API's as custom objects.</summary>
internal static class Resources
{
    public static readonly WatchedResource<V1Node, NodeSnapshot> Nodes = Typed<V1Node, V1NodeList, NodeSnapshot>("", "nodes",
        (kube, next, limit, ct) => kube.CoreV1.ListNodeAsync(continueParameter: next, limit: limit, cancellationToken: ct),
        (kube, rv, timeout, onError, ct) => kube.CoreV1.WatchListNodeAsync(allowWatchBookmarks: true, resourceVersion: rv,
            timeoutSeconds: timeout, onError: onError, cancellationToken: ct),
        Mapping.Node);

    public static readonly WatchedResource<V1Pod, PodSnapshot> Pods = Typed<V1Pod, V1PodList, PodSnapshot>("", "pods",
        (kube, next, limit, ct) => kube.CoreV1.ListPodForAllNamespacesAsync(continueParameter: next, limit: limit, cancellationToken: ct),
        (kube, rv, timeout, onError, ct) => kube.CoreV1.WatchListPodForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv,
            timeoutSeconds: timeout, onError: onError, cancellationToken: ct),
        Mapping.Pod);

    public static readonly WatchedResource<V1Deployment, WorkloadSnapshot> Deployments = Typed<V1Deployment, V1DeploymentList, WorkloadSnapshot>("apps", "deployments",
        (kube, next, limit, ct) => kube.AppsV1.ListDeploymentForAllNamespacesAsync(continueParameter: next, limit: limit, cancellationToken: ct),
        (kube, rv, timeout, onError, ct) => kube.AppsV1.WatchListDeploymentForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv,
            timeoutSeconds: timeout, onError: onError, cancellationToken: ct),
        d => Mapping.Workload("Deployment", d.Metadata, d.Spec?.Replicas, d.Spec?.Selector, d.Spec?.Template));

    public static readonly WatchedResource<V1StatefulSet, WorkloadSnapshot> StatefulSets = Typed<V1StatefulSet, V1StatefulSetList, WorkloadSnapshot>("apps", "statefulsets",
        (kube, next, limit, ct) => kube.AppsV1.ListStatefulSetForAllNamespacesAsync(continueParameter: next, limit: limit, cancellationToken: ct),
        (kube, rv, timeout, onError, ct) => kube.AppsV1.WatchListStatefulSetForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv,
            timeoutSeconds: timeout, onError: onError, cancellationToken: ct),
        s => Mapping.Workload("StatefulSet", s.Metadata, s.Spec?.Replicas, s.Spec?.Selector, s.Spec?.Template));

    public static readonly WatchedResource<V1PodDisruptionBudget, PdbSnapshot> PodDisruptionBudgets =
        Typed<V1PodDisruptionBudget, V1PodDisruptionBudgetList, PdbSnapshot>("policy", "poddisruptionbudgets",
            (kube, next, limit, ct) => kube.PolicyV1.ListPodDisruptionBudgetForAllNamespacesAsync(continueParameter: next, limit: limit, cancellationToken: ct),
            (kube, rv, timeout, onError, ct) => kube.PolicyV1.WatchListPodDisruptionBudgetForAllNamespacesAsync(allowWatchBookmarks: true,
                resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct),
            Mapping.Pdb);

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
        (Nodes.Group, Nodes.Plural), (Pods.Group, Pods.Plural), (Deployments.Group, Deployments.Plural), (StatefulSets.Group, StatefulSets.Plural),
        (PodDisruptionBudgets.Group, PodDisruptionBudgets.Plural),
        .. ClusterApiKinds.Select(k => (k.Group, k.Plural)),
    ];

    /// <summary>A Cluster API resource (served as custom objects, read as untyped JSON).</summary>
    public static WatchedResource<JsonElement, ClusterApiSnapshot> ClusterApi(string group, string plural, string kind) => new(
        group,
        plural,
        async (kube, next, limit, ct) => CustomPage(await kube.CustomObjects.ListClusterCustomObjectAsync(group, "v1beta1", plural,
            continueParameter: next, limit: limit, cancellationToken: ct)),
        (kube, rv, timeout, onError, ct) => Json(kube.CustomObjects.WatchListClusterCustomObjectAsync(group, "v1beta1", plural,
            allowWatchBookmarks: true, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct), ct),
        Mapping.ResourceVersionOf,
        o => Mapping.ClusterApi(kind, o));

    /// <summary>A typed resource: its list's items, resourceVersion and continue token, and each object's resourceVersion, read the same way for all.</summary>
    private static WatchedResource<T, TSnapshot> Typed<T, TList, TSnapshot>(
        string group,
        string plural,
        Func<IKubernetes, string?, int, CancellationToken, Task<TList>> list,
        Func<IKubernetes, string, int, Action<Exception>, CancellationToken, IAsyncEnumerable<(WatchEventType, T)>> watch,
        Func<T, TSnapshot> map)
        where T : IKubernetesObject<V1ObjectMeta>
        where TList : IItems<T>, IMetadata<V1ListMeta> => new(
        group,
        plural,
        async (kube, next, limit, ct) => Page(await list(kube, next, limit, ct)),
        watch,
        o => o.Metadata?.ResourceVersion,
        map);

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
