namespace Compliance.Domain.Versions;

/// <summary>What runs in a cluster, by where it is observed (DOMAIN.md, "What runs in a cluster").</summary>
public enum ComponentKind
{
    ControlPlane,
    Kubelet,
    KubeProxy,
    OsImage,
    Kernel,
    ContainerRuntime,
    AddOn,
}
