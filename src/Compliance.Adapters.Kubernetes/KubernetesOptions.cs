namespace Compliance.Adapters.Kubernetes;

/// <summary>Configuration section <c>Compliance:Kubernetes</c>.</summary>
public sealed class KubernetesOptions
{
    public const string Section = "Compliance:Kubernetes";

    /// <summary>Null: on when a kubeconfig current context exists or the process runs in a cluster.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Kubeconfig contexts to watch; empty: the current context.</summary>
    public List<string> Contexts { get; set; } = [];

    /// <summary>Watch the cluster this process runs in (service account token), not a kubeconfig.</summary>
    public bool InCluster { get; set; }

    /// <summary>Kubeconfig file; empty: $KUBECONFIG or ~/.kube/config.</summary>
    public string? KubeconfigPath { get; set; }

    /// <summary>Cluster id per context (observations carry the cluster id); a context not listed uses its name.</summary>
    public Dictionary<string, string> ClusterIds { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Cluster id of the in-cluster watcher.</summary>
    public string InClusterId { get; set; } = "in-cluster";

    /// <summary>Namespaces whose pods' images are observed as add-ons.</summary>
    public List<string> Namespaces { get; set; } = [];

    public TimeSpan VersionPollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>First retry delay after an error; doubles (with jitter) up to <see cref="RetryMaximum"/>.</summary>
    public TimeSpan RetryInitial { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryMaximum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Items per list page (limit/continue), so a large cluster is never held as one response.</summary>
    public int PageSize { get; set; } = 500;

    public static readonly IReadOnlyList<string> DefaultNamespaces =
        ["kube-system", "cert-manager", "ingress-nginx", "logging", "monitoring", "istio-system", "kyverno", "argocd", "flux-system", "gatekeeper-system", "keda"];

    public IReadOnlyList<string> AddOnNamespaces => Namespaces.Count > 0 ? Namespaces : DefaultNamespaces;
}
