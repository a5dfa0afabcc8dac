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

    /// <summary>The product whose patches of the same cycle are the patches of <paramref name="product"/>.</summary>
    public static string PatchProductFor(string product) => product switch
    {
        AmazonEks or AzureKubernetesService => Kubernetes,
        _ => product,
    };
}
