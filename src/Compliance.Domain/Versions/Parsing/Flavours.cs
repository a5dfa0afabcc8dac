namespace Compliance.Domain.Versions.Parsing;

/// <summary>Managed flavours: which one a cluster is, which catalog product rules it, and which products compare.</summary>
internal static class Flavours
{
    /// <summary>Products whose versions are Kubernetes versions with the same numbers (k3s and RKE2 report as
    /// <c>kubernetes</c>), so a move between them (a migration to EKS, say) still compares.</summary>
    private static readonly HashSet<string> KubernetesFamily = new(StringComparer.Ordinal)
    {
        "kubernetes", "amazon-eks", "google-kubernetes-engine", "azure-kubernetes-service", "k3s", "rke2",
    };

    public static bool SameFamily(string a, string b) =>
        a == b || (KubernetesFamily.Contains(a) && KubernetesFamily.Contains(b));

    /// <summary>Products whose minor cycles are Kubernetes minors (OpenShift 4.x ships one Kubernetes minor each).</summary>
    public static bool IsKubernetesBased(string product) => KubernetesFamily.Contains(product) || product == "red-hat-openshift";

    public static bool IsKubernetesFamily(string product) => KubernetesFamily.Contains(product);

    public static string ControlPlaneProduct(Flavour flavour) => flavour switch
    {
        Flavour.Eks => "amazon-eks",
        Flavour.Gke => "google-kubernetes-engine",
        Flavour.Aks => "azure-kubernetes-service",
        Flavour.OpenShift => "red-hat-openshift",
        _ => "kubernetes",
    };

    public static Flavour? FlavourOfProduct(string product) => product switch
    {
        "kubernetes" => Flavour.Upstream,
        "amazon-eks" => Flavour.Eks,
        "google-kubernetes-engine" => Flavour.Gke,
        "azure-kubernetes-service" => Flavour.Aks,
        "red-hat-openshift" => Flavour.OpenShift,
        "k3s" => Flavour.K3s,
        "rke2" => Flavour.Rke2,
        _ => null,
    };

    /// <summary>
    /// The flavour a cluster shows. The gitVersion's vendor markers decide first (<c>-eks-</c>, <c>-gke.</c>,
    /// <c>+k3s</c>, <c>+rke2</c>); then node labels: any <c>node.openshift.io/</c> label (OpenShift sets
    /// <c>node.openshift.io/os_id</c> on every node) means OpenShift, <c>kubernetes.azure.com/cluster</c> means AKS,
    /// <c>eks.amazonaws.com/nodegroup</c> EKS, <c>cloud.google.com/gke-nodepool</c> GKE; last, a bare
    /// <c>+&lt;commit&gt;</c> suffix (7 to 40 hex digits) is OpenShift's build stamp: upstream releases never carry one.
    /// </summary>
    public static Flavour Detect(string? gitVersion, IReadOnlyDictionary<string, string>? nodeLabels)
    {
        var version = gitVersion ?? "";
        if (version.Contains("-eks-", StringComparison.Ordinal)) return Flavour.Eks;
        if (version.Contains("-gke.", StringComparison.Ordinal)) return Flavour.Gke;
        if (version.Contains("+k3s", StringComparison.Ordinal)) return Flavour.K3s;
        if (version.Contains("+rke2", StringComparison.Ordinal)) return Flavour.Rke2;
        var labels = nodeLabels?.Keys ?? [];
        if (labels.Any(l => l.StartsWith("node.openshift.io/", StringComparison.Ordinal))) return Flavour.OpenShift;
        if (labels.Contains("kubernetes.azure.com/cluster")) return Flavour.Aks;
        if (labels.Contains("eks.amazonaws.com/nodegroup")) return Flavour.Eks;
        if (labels.Contains("cloud.google.com/gke-nodepool")) return Flavour.Gke;
        var parsed = KubernetesVersions.Parse(version, null);
        return parsed.IsKnown && parsed.Flavour == Flavour.OpenShift ? Flavour.OpenShift : Flavour.Upstream;
    }
}
