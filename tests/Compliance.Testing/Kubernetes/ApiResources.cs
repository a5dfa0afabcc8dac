namespace Compliance.Testing.Kubernetes;

/// <summary>A resource type the local API server serves: where it lives in the URL space and how its lists are named.</summary>
internal sealed record ApiResource(string Group, string Version, string Plural, string Kind, bool Namespaced)
{
    public string GroupVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string ListKind => Kind + "List";

    public bool IsClusterApi => Group.Contains("cluster.x-k8s.io", StringComparison.Ordinal);
}

/// <summary>The resources the watcher reads, in the groups and versions a real cluster serves them.</summary>
internal static class ApiResources
{
    public static readonly ApiResource Nodes = new("", "v1", "nodes", "Node", false);
    public static readonly ApiResource Pods = new("", "v1", "pods", "Pod", true);
    public static readonly ApiResource Deployments = new("apps", "v1", "deployments", "Deployment", true);
    public static readonly ApiResource StatefulSets = new("apps", "v1", "statefulsets", "StatefulSet", true);
    public static readonly ApiResource DaemonSets = new("apps", "v1", "daemonsets", "DaemonSet", true);
    public static readonly ApiResource PodDisruptionBudgets = new("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", true);
    public static readonly ApiResource Clusters = new("cluster.x-k8s.io", "v1beta1", "clusters", "Cluster", true);
    public static readonly ApiResource MachineDeployments = new("cluster.x-k8s.io", "v1beta1", "machinedeployments", "MachineDeployment", true);
    public static readonly ApiResource KubeadmControlPlanes =
        new("controlplane.cluster.x-k8s.io", "v1beta1", "kubeadmcontrolplanes", "KubeadmControlPlane", true);

    public static readonly IReadOnlyList<ApiResource> All =
        [Nodes, Pods, Deployments, StatefulSets, DaemonSets, PodDisruptionBudgets, Clusters, MachineDeployments, KubeadmControlPlanes];

    public static ApiResource? Find(string group, string version, string plural) =>
        All.FirstOrDefault(r => r.Group == group && r.Version == version && r.Plural == plural);

    public static ApiResource ForKind(string apiVersion, string kind) =>
        All.FirstOrDefault(r => r.GroupVersion == apiVersion && r.Kind == kind)
        ?? throw new ArgumentException($"the local API server does not serve {apiVersion} {kind}", nameof(kind));
}
