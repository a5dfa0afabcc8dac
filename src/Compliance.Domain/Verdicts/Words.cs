using System.Globalization;
using Compliance.Domain.Versions;

namespace Compliance.Domain.Verdicts;

/// <summary>How findings spell instants, days and components, so that every text reads the same way.</summary>
internal static class Words
{
    public static string Instant(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Day(DateTimeOffset t) => Day(DateOnly.FromDateTime(t.UtcDateTime));

    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>One component of a kind, in words.</summary>
    public static string Component(ComponentKind kind) => kind switch
    {
        ComponentKind.ControlPlane => "control plane",
        ComponentKind.Kubelet => "kubelet",
        ComponentKind.KubeProxy => "kube-proxy",
        ComponentKind.OsImage => "node OS",
        ComponentKind.Kernel => "kernel",
        ComponentKind.ContainerRuntime => "container runtime",
        ComponentKind.AddOn => "add-on",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a component kind"),
    };

    /// <summary>The components of a kind in a cluster, in words (the control plane is one).</summary>
    public static string Components(ComponentKind kind) => kind switch
    {
        ComponentKind.ControlPlane => "control plane",
        ComponentKind.Kubelet => "kubelets",
        ComponentKind.KubeProxy => "kube-proxies",
        ComponentKind.OsImage => "node OS images",
        ComponentKind.Kernel => "kernels",
        ComponentKind.ContainerRuntime => "container runtimes",
        ComponentKind.AddOn => "add-on",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a component kind"),
    };

    public static string Duration(TimeSpan t) =>
        t.TotalHours < 48 ? $"{Number(t.TotalHours)} hours" : $"{Number(t.TotalDays)} days";
}
