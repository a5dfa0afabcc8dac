using System.Globalization;
using Compliance.Domain.Events;
using Compliance.Domain.Versions;

namespace Compliance.Application.Demo;

/// <summary>The nodes of one cluster: stable names and machine ids, and what a watcher sees of them for a state.</summary>
internal sealed class NodeSet
{
    private readonly ClusterSpec spec;
    private readonly int seed;
    private readonly Dictionary<string, int> boots = [];

    public NodeSet(ClusterSpec spec, int seed)
    {
        this.spec = spec;
        this.seed = seed;
        Names = [.. Enumerable.Range(0, spec.NodeCount).Select(NameOf)];
        foreach (var name in Names) boots[name] = 0;
    }

    public IReadOnlyList<string> Names { get; }

    /// <summary>The node after a reboot (a window's drain and upgrade): a new boot id.</summary>
    public void Reboot(string node) => boots[node]++;

    public NodeObserved Observe(string node, FleetState state, DateTimeOffset at)
    {
        var info = new NodeInfo(
            KubeletVersion: Render.Kubelet(spec, state.ControlPlane, seed),
            KubeProxyVersion: Render.Kubelet(spec, state.ControlPlane, seed),
            OsImage: Render.OsImage(spec, state.Os, state.ControlCycle),
            KernelVersion: state.Kernel,
            ContainerRuntimeVersion: Render.Runtime(state.Runtime),
            Architecture: "amd64",
            OperatingSystem: "linux",
            MachineId: Hex(32, "machine", node),
            SystemUuid: Uuid("uuid", node),
            BootId: Uuid("boot", $"{node}/{boots[node].ToString(CultureInfo.InvariantCulture)}"));
        return new NodeObserved(spec.Id, node, info, Labels(node), Allocatable(), false, new Dictionary<string, string>(), at);
    }

    private string NameOf(int index)
    {
        var n = (index + 1).ToString("00", CultureInfo.InvariantCulture);
        return spec.Flavour switch
        {
            Flavour.Eks => $"ip-10-{(spec.IsStaging ? 40 : 20).ToString(CultureInfo.InvariantCulture)}-{(index * 16 % 240).ToString(CultureInfo.InvariantCulture)}-{((index * 37) + 11).ToString(CultureInfo.InvariantCulture)}.{spec.Region}.compute.internal",
            Flavour.Gke => $"gke-{spec.Id}-pool-1-{Render.Hash7(seed, "pool", spec.Id)[..6]}-{Render.Hash7(seed, "node", $"{spec.Id}/{n}")[..4]}",
            _ => $"{spec.Id}-w{n}",
        };
    }

    private Dictionary<string, string> Labels(string node)
    {
        var zone = $"{spec.Region}-{"abc"[Math.Abs(node.Length + node[^1]) % 3]}";
        var labels = new Dictionary<string, string>
        {
            ["kubernetes.io/hostname"] = node,
            ["kubernetes.io/os"] = "linux",
            ["kubernetes.io/arch"] = "amd64",
            ["topology.kubernetes.io/zone"] = zone,
            ["node.kubernetes.io/instance-type"] = spec.Flavour switch
            {
                Flavour.Eks => "m6i.2xlarge",
                Flavour.Gke => "e2-standard-8",
                _ => "cpx51",
            },
        };
        if (spec.Flavour == Flavour.Eks) labels["eks.amazonaws.com/nodegroup"] = "general";
        if (spec.Flavour == Flavour.Gke)
        {
            labels["cloud.google.com/gke-nodepool"] = "pool-1";
            labels["cloud.google.com/gke-os-distribution"] = "cos";
        }
        return labels;
    }

    private static Dictionary<string, string> Allocatable() => new()
    {
        ["cpu"] = "7910m",
        ["memory"] = "31482Mi",
        ["pods"] = "110",
        ["ephemeral-storage"] = "95551679124",
    };

    private string Hex(int length, string kind, string name)
    {
        var text = "";
        for (var i = 0; text.Length < length; i++) text += Render.Hash7(seed, kind, $"{name}#{i.ToString(CultureInfo.InvariantCulture)}");
        return text[..length];
    }

    private string Uuid(string kind, string name)
    {
        var h = Hex(32, kind, name);
        return $"{h[..8]}-{h[8..12]}-{h[12..16]}-{h[16..20]}-{h[20..32]}";
    }
}
