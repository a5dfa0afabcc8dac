using Compliance.Domain.Versions;

namespace Compliance.Application.Reports;

/// <summary>How the report names a component kind in its rows ("control plane", "kubelet", "os", ...).</summary>
public static class ComponentNames
{
    public static string Of(ComponentKind kind) => kind switch
    {
        ComponentKind.ControlPlane => "control plane",
        ComponentKind.Kubelet => "kubelet",
        ComponentKind.KubeProxy => "kube-proxy",
        ComponentKind.OsImage => "os",
        ComponentKind.Kernel => "kernel",
        ComponentKind.ContainerRuntime => "runtime",
        ComponentKind.AddOn => "add-on",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
