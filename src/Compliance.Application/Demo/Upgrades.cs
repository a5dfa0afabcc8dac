using Compliance.Domain.Events;
using Compliance.Domain.Versions;

namespace Compliance.Application.Demo;

/// <summary>One component change of a window, spelled as the ledger records it.</summary>
internal sealed record Upgrade(ComponentRef Component, string From, string To, string PlannedTo, ChangeKind Kind);

/// <summary>The changes between two states of a cluster, classified the way the maintenance decider classifies them.</summary>
internal static class Upgrades
{
    public static IReadOnlyList<Upgrade> Between(ClusterSpec spec, FleetState before, FleetState after, int seed)
    {
        var cpProduct = Render.ControlPlaneProduct(spec.Flavour);
        var osProduct = spec.Os switch { NodeOs.Ubuntu => "ubuntu", NodeOs.Bottlerocket => "bottlerocket", _ => "cos" };
        var list = new List<Upgrade?>
        {
            Make(ComponentKind.ControlPlane, cpProduct, Render.GitVersion(spec, before.ControlPlane, seed), Render.GitVersion(spec, after.ControlPlane, seed), after.ControlCycle),
            Make(ComponentKind.Kubelet, cpProduct, Render.Kubelet(spec, before.ControlPlane, seed), Render.Kubelet(spec, after.ControlPlane, seed), after.ControlCycle),
            Make(ComponentKind.KubeProxy, cpProduct, Render.Kubelet(spec, before.ControlPlane, seed), Render.Kubelet(spec, after.ControlPlane, seed), after.ControlCycle),
            Make(ComponentKind.OsImage, osProduct, Render.OsImage(spec, before.Os, before.ControlCycle), Render.OsImage(spec, after.Os, after.ControlCycle), after.Os.Length > 0 ? after.Os : "latest"),
            Make(ComponentKind.Kernel, "linux-kernel", before.Kernel, after.Kernel, after.Kernel),
            Make(ComponentKind.ContainerRuntime, "containerd", Render.Runtime(before.Runtime), Render.Runtime(after.Runtime), after.RuntimeCycle),
        };
        foreach (var (product, version) in after.AddOns)
        {
            var spec2 = AddOns.Spec(product);
            var old = before.AddOns.GetValueOrDefault(product, version);
            list.Add(Make(ComponentKind.AddOn, product, spec2.Image(old), spec2.Image(version), FleetState.CycleOf(version)));
        }
        return [.. list.OfType<Upgrade>()];
    }

    /// <summary>Null when nothing changed, or when the decider would refuse it as no change or a downgrade.</summary>
    private static Upgrade? Make(ComponentKind kind, string product, string from, string to, string plannedTo)
    {
        if (string.Equals(from, to, StringComparison.Ordinal)) return null;
        var component = new ComponentRef(kind, product);
        var change = VersionChanges.Classify(Parse(component, from), Parse(component, to));
        return change is ChangeKind.None or ChangeKind.Downgrade ? null : new Upgrade(component, from, to, plannedTo, change);
    }

    private static ObservedVersion Parse(ComponentRef component, string raw)
    {
        var parsed = VersionParser.Parse(component.Kind, raw);
        return parsed.IsKnown ? parsed : VersionParser.ParseForProduct(component.Product, raw);
    }
}
