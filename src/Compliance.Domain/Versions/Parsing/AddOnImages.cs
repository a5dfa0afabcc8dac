namespace Compliance.Domain.Versions.Parsing;

/// <summary>
/// Image repositories of well-known add-ons to their catalog products. Repositories are matched without the registry
/// host, by exact path or by path suffix on a '/' boundary (so mirrors such as
/// <c>my-registry.example.com/mirror/jetstack/cert-manager-controller</c> and ECR's <c>.../eks/coredns</c> match);
/// the longest match wins. Only images whose tag is the product's own release version are listed: the Tigera operator,
/// Hubble UI and the Prometheus operator are versioned apart from Calico, Cilium and Prometheus.
/// </summary>
internal static class AddOnImages
{
    /// <summary>One known repository. <paramref name="UnknownReason"/> marks images whose tag does not give the
    /// product's version, so they stay unknown with that reason.</summary>
    public sealed record Entry(string Repository, string Product, string? UnknownReason = null);

    private const string FluxControllers =
        "Flux controllers are versioned apart from the Flux distribution; its version is the flux-system namespace's " +
        "app.kubernetes.io/version label or the flux-cli image";

    public static readonly IReadOnlyList<Entry> Entries =
    [
        .. Many("cert-manager", "jetstack/cert-manager-controller", "jetstack/cert-manager-cainjector",
            "jetstack/cert-manager-webhook", "jetstack/cert-manager-acmesolver", "jetstack/cert-manager-startupapicheck",
            "jetstack/cert-manager-ctl"),
        .. Many("ingress-nginx", "ingress-nginx/controller", "ingress-nginx/controller-chroot"),
        .. Many("cilium", "cilium/cilium", "cilium/operator", "cilium/operator-generic", "cilium/operator-aws",
            "cilium/operator-azure", "cilium/hubble-relay", "cilium/clustermesh-apiserver", "cilium/cilium-envoy"),
        .. Many("calico", "calico/node", "calico/cni", "calico/kube-controllers", "calico/typha", "calico/apiserver",
            "calico/csi", "calico/node-driver-registrar", "calico/pod2daemon-flexvol", "calico/goldmane", "calico/whisker"),
        .. Many("coredns", "coredns/coredns", "coredns"),
        .. Many("fluent-bit", "fluent/fluent-bit", "bitnami/fluent-bit", "fluent-bit"),
        .. Many("istio", "istio/pilot", "istio/proxyv2", "istio/install-cni", "istio/ztunnel", "istio/operator"),
        .. Many("kyverno", "kyverno/kyverno", "kyverno/kyvernopre", "kyverno/background-controller",
            "kyverno/cleanup-controller", "kyverno/reports-controller", "kyverno/kyverno-cli"),
        .. Many("argo-cd", "argoproj/argocd"),
        .. Many("etcd", "etcd", "coreos/etcd", "bitnami/etcd", "etcd-io/etcd"),
        .. Many("prometheus", "prometheus/prometheus", "bitnami/prometheus"),
        .. Many("grafana", "grafana/grafana", "grafana/grafana-oss", "grafana/grafana-enterprise", "bitnami/grafana"),
        .. Many("keda", "kedacore/keda", "kedacore/keda-metrics-apiserver", "kedacore/keda-admission-webhooks"),
        .. Many("flux", "fluxcd/flux-cli"),
        new("fluxcd/source-controller", "flux", FluxControllers),
        new("fluxcd/kustomize-controller", "flux", FluxControllers),
        new("fluxcd/helm-controller", "flux", FluxControllers),
        new("fluxcd/notification-controller", "flux", FluxControllers),
        new("fluxcd/image-reflector-controller", "flux", FluxControllers),
        new("fluxcd/image-automation-controller", "flux", FluxControllers),
        .. Many("gatekeeper", "openpolicyagent/gatekeeper"),
        .. Many("harbor", "goharbor/harbor-core", "goharbor/harbor-portal", "goharbor/harbor-jobservice",
            "goharbor/harbor-registryctl", "goharbor/registry-photon", "goharbor/harbor-db", "goharbor/redis-photon",
            "goharbor/trivy-adapter-photon", "goharbor/nginx-photon", "goharbor/harbor-exporter"),
        .. Many("haproxy-ingress", "jcmoraisjr/haproxy-ingress"),
        .. Many("nginx", "nginx", "nginxinc/nginx-unprivileged", "bitnami/nginx"),
        .. Many("kubernetes", "kube-proxy", "kube-apiserver", "kube-controller-manager", "kube-scheduler"),
        .. Many("kubernetes-node-feature-discovery", "nfd/node-feature-discovery", "kubernetes-sigs/node-feature-discovery"),
        .. Many("kubernetes-csi-node-driver-registrar", "sig-storage/csi-node-driver-registrar"),
        .. Many("containerd", "containerd/containerd"),
    ];

    /// <summary>The entry for a repository path (registry host removed, lower case), or null.</summary>
    public static Entry? Find(string path)
    {
        Entry? best = null;
        foreach (var entry in Entries)
        {
            var matches = path == entry.Repository || path.EndsWith("/" + entry.Repository, StringComparison.Ordinal);
            if (matches && (best is null || entry.Repository.Length > best.Repository.Length)) best = entry;
        }
        return best;
    }

    private static IEnumerable<Entry> Many(string product, params string[] repositories) =>
        repositories.Select(r => new Entry(r, product));
}
