using Compliance.Domain.Versions;

namespace Compliance.Domain.Catalog;

/// <summary>
/// Which product's patch list rules a product's patch position. Managed Kubernetes offerings whose observed
/// gitVersion carries the upstream patch number follow upstream <c>kubernetes</c> patches of the same cycle:
/// <list type="bullet">
/// <item><c>amazon-eks</c>: gitVersion <c>v1.29.3-eks-adc7111</c> is Kubernetes 1.29.3. The catalog's EKS versions are
/// platform versions (<c>1.29-eks-6</c>), which a cluster does not report, so they cannot place a cluster.</item>
/// <item><c>azure-kubernetes-service</c>: gitVersion <c>v1.29.4</c> is Kubernetes 1.29.4; the catalog has no AKS patches.</item>
/// </list>
/// Support dates still come from the managed product's own cycle. Every other product follows its own patches.
/// </summary>
public static class PatchSources
{
    public const string Kubernetes = "kubernetes";
    public const string AmazonEks = "amazon-eks";
    public const string AzureKubernetesService = "azure-kubernetes-service";
    public const string OpenShift = "red-hat-openshift";
    public const string LinuxKernel = "linux-kernel";
    public const string GoogleKubernetesEngine = "google-kubernetes-engine";

    /// <summary>The product whose patches of the same cycle are the patches of <paramref name="product"/>.</summary>
    public static string PatchProductFor(string product) => product switch
    {
        AmazonEks or AzureKubernetesService => Kubernetes,
        _ => product,
    };

    /// <summary>
    /// Whether the product's catalog lists the vendor's builds of each upstream patch level: GKE's
    /// <c>1.33.5-gke.1080000</c> and <c>1.33.5-gke.1162000</c> are two builds of Kubernetes 1.33.5. For such a managed
    /// flavour a patch is the upstream level, so the builds of one level are one patch (DOMAIN.md "Patch latency").
    /// </summary>
    public static bool ListsVendorBuilds(string product) => product == GoogleKubernetesEngine;

    /// <summary>
    /// The patch level of a version key of <paramref name="product"/>: the key without the vendor's build number for a
    /// product that lists vendor builds (1.33.5.1080000 is level 1.33.5; a pre-release keeps its stage and number), the
    /// key itself otherwise.
    /// </summary>
    public static VersionKey Level(string product, VersionKey key)
    {
        if (!ListsVendorBuilds(product) || key.Length <= 3) return key;
        var kept = key[3] < 0 ? 5 : 3;
        return key.Length <= kept ? key : new VersionKey([.. key.Parts.Take(kept)]);
    }
}
