using System.Globalization;
using Compliance.Domain.Versions;

namespace Compliance.Application.Demo;

/// <summary>How the simulated components spell their versions where a watcher sees them.</summary>
internal static class Render
{
    public static string ControlPlaneProduct(Flavour flavour) => flavour switch
    {
        Flavour.Eks => "amazon-eks",
        Flavour.Gke => "google-kubernetes-engine",
        _ => "kubernetes",
    };

    /// <summary>The catalog whose patch numbers the control plane carries: EKS reports upstream Kubernetes patches.</summary>
    public static string PatchProduct(Flavour flavour) => flavour == Flavour.Gke ? "google-kubernetes-engine" : "kubernetes";

    public static string GitVersion(ClusterSpec spec, string version, int seed) => spec.Flavour switch
    {
        Flavour.Eks => $"v{version}-eks-{Hash7(seed, "control-plane", version)}",
        _ => $"v{version}",
    };

    public static string Kubelet(ClusterSpec spec, string version, int seed) => spec.Flavour switch
    {
        Flavour.Eks => $"v{version}-eks-{Hash7(seed, "kubelet", version)}",
        _ => $"v{version}",
    };

    public static string OsImage(ClusterSpec spec, string os, string cycle) => spec.Os switch
    {
        NodeOs.Ubuntu => $"Ubuntu {os} LTS",
        NodeOs.Bottlerocket => $"Bottlerocket OS {os} (aws-k8s-{cycle})",
        _ => "Container-Optimized OS from Google",
    };

    public static string Runtime(string version) => $"containerd://{version}";

    public const string Platform = "linux/amd64";

    /// <summary>A stable seven-hex-digit id derived from the seed and a name (FNV-1a), like EKS build hashes.</summary>
    public static string Hash7(int seed, string kind, string name)
    {
        var hash = 2166136261u;
        foreach (var ch in $"{seed.ToString(CultureInfo.InvariantCulture)}/{kind}/{name}")
        {
            hash ^= ch;
            hash *= 16777619u;
        }
        return (hash & 0x0FFFFFFF).ToString("x7", CultureInfo.InvariantCulture);
    }
}
