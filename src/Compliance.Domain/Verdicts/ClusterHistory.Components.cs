using Compliance.Domain.Catalog;
using Compliance.Domain.Events;
using Compliance.Domain.Versions;

namespace Compliance.Domain.Verdicts;

public sealed partial class ClusterHistory
{
    public const string ControlPlaneId = "control-plane";

    private readonly List<ComponentInterval> intervals = [];
    private readonly Dictionary<string, int> openInterval = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NodeRecord> nodes = new(StringComparer.Ordinal);

    /// <summary>Every component interval in the order it was opened (closed ones carry their end).</summary>
    public IReadOnlyList<ComponentInterval> Intervals => intervals;

    /// <summary>Every node ever seen, present or removed.</summary>
    public IReadOnlyCollection<NodeRecord> Nodes => nodes.Values;

    public NodeRecord? Node(string name) => nodes.GetValueOrDefault(name);

    /// <summary>The nodes present at an instant.</summary>
    public IReadOnlyList<NodeRecord> NodesAt(DateTimeOffset at) => [.. nodes.Values.Where(n => n.IsPresentAt(at)).OrderBy(n => n.Name, StringComparer.Ordinal)];

    /// <summary>The components running at an instant: intervals with From &lt;= at &lt; To.</summary>
    public IReadOnlyList<ComponentInterval> ComponentsAt(DateTimeOffset at) =>
        [.. intervals.Where(i => i.From <= at && (i.To is null || i.To > at))];

    /// <summary>The component ids of one node.</summary>
    public static string NodeComponentId(string node, ComponentKind kind) => kind switch
    {
        ComponentKind.Kubelet => $"node/{node}/kubelet",
        ComponentKind.KubeProxy => $"node/{node}/kube-proxy",
        ComponentKind.OsImage => $"node/{node}/os",
        ComponentKind.Kernel => $"node/{node}/kernel",
        ComponentKind.ContainerRuntime => $"node/{node}/runtime",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a node component"),
    };

    public static string AddOnId(string ns, string workload, string container) => $"addon/{ns}/{workload}/{container}";

    private static readonly ComponentKind[] NodeKinds =
        [ComponentKind.Kubelet, ComponentKind.KubeProxy, ComponentKind.OsImage, ComponentKind.Kernel, ComponentKind.ContainerRuntime];

    /// <summary>
    /// Records the node's status, then its five component versions unless they are the ones it last reported under the
    /// same flavour (most observations of a node are status changes: observing the same versions again changes nothing).
    /// </summary>
    private void ObserveNode(NodeObserved x, EvidenceRef evidence)
    {
        if (!nodes.TryGetValue(x.Node, out var node))
        {
            node = new NodeRecord(x.Node);
            nodes.Add(x.Node, node);
        }
        node.Observe(x, evidence);
        var flavour = Registration?.Flavour ?? VersionParser.DetectFlavour(x.Info.KubeletVersion, x.Labels);
        if (node.ReportedSameVersions(x.Info, flavour)) return;
        var ids = node.ComponentIds;
        Observe(ids[0], ComponentKind.Kubelet, x.Node, x.Info.KubeletVersion, flavour, x.ObservedAt, evidence);
        Observe(ids[1], ComponentKind.KubeProxy, x.Node, x.Info.KubeProxyVersion, flavour, x.ObservedAt, evidence);
        Observe(ids[2], ComponentKind.OsImage, x.Node, x.Info.OsImage, flavour, x.ObservedAt, evidence);
        ObserveKernel(ids[3], x.Node, x.Info.KernelVersion, x.Info.OsImage, x.ObservedAt, evidence);
        Observe(ids[4], ComponentKind.ContainerRuntime, x.Node, x.Info.ContainerRuntimeVersion, flavour, x.ObservedAt, evidence);
        node.VersionsReported(x.Info, flavour);
    }

    private void RemoveNode(string name, DateTimeOffset at)
    {
        if (nodes.TryGetValue(name, out var node)) node.Remove(at);
        var ids = node?.ComponentIds ?? NodeComponentIds(name);
        foreach (var id in ids) Close(id, at);
    }

    /// <summary>The ids of a node's five components, in the order of <see cref="NodeKinds"/>.</summary>
    internal static string[] NodeComponentIds(string node) => [.. NodeKinds.Select(kind => NodeComponentId(node, kind))];

    private void ObserveAddOn(AddOnVersionObserved x, EvidenceRef evidence)
    {
        var id = AddOnId(x.Namespace, x.Workload, x.Container);
        if (IsSameRaw(id, x.Image)) return;
        var product = !string.IsNullOrEmpty(x.Product) ? x.Product : catalog is null ? null : ImageProducts.ByPurl(x.Image, catalog);
        var version = VersionParser.ParseImage(x.Image, product);
        Open(id, ComponentKind.AddOn, "", version, x.ObservedAt, evidence);
    }

    private void Observe(string id, ComponentKind kind, string node, string raw, Flavour flavour, DateTimeOffset at, EvidenceRef evidence)
    {
        if (IsSameRaw(id, raw)) return;
        Open(id, kind, node, VersionParser.Parse(kind, raw, flavour), at, evidence);
    }

    /// <summary>A kernel is read with its node's osImage, which says who maintains it: the same kernel string under another OS release is a change.</summary>
    private void ObserveKernel(string id, string node, string raw, string osImage, DateTimeOffset at, EvidenceRef evidence) =>
        Open(id, ComponentKind.Kernel, node, VersionParser.ParseKernel(raw, osImage), at, evidence);

    private bool IsSameRaw(string id, string raw) =>
        openInterval.TryGetValue(id, out var index) && string.Equals(intervals[index].Version.Raw, raw, StringComparison.Ordinal);

    /// <summary>
    /// Opens a new interval unless the version is the same as the running one: the same maintainer and the same raw string,
    /// or both known with the same product, normalized version and build (a re-spelled image tag is not a change).
    /// </summary>
    private void Open(string id, ComponentKind kind, string node, ObservedVersion version, DateTimeOffset at, EvidenceRef evidence)
    {
        ObservedVersion? previous = null;
        if (openInterval.TryGetValue(id, out var index))
        {
            var running = intervals[index];
            if (SameVersion(running.Version, version)) return;
            previous = running.Version;
            Close(id, at);
        }
        openInterval[id] = intervals.Count;
        intervals.Add(new ComponentInterval(id, kind, node, version, at, null, evidence, previous));
    }

    private void Close(string id, DateTimeOffset at)
    {
        if (!openInterval.Remove(id, out var index)) return;
        var running = intervals[index];
        intervals[index] = running with { To = at < running.From ? running.From : at };
    }

    internal static bool SameVersion(ObservedVersion a, ObservedVersion b) =>
        a.MaintainedBy == b.MaintainedBy
        && (string.Equals(a.Raw, b.Raw, StringComparison.Ordinal)
            || (a.IsKnown && b.IsKnown && a.Product == b.Product && a.Normalized == b.Normalized && a.Build == b.Build));
}
