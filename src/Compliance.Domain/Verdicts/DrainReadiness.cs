using Compliance.Domain.Events;

namespace Compliance.Domain.Verdicts;

/// <summary>Drain readiness (DOMAIN.md "Drain readiness", the go-live checklist) as of an instant.</summary>
public static class DrainReadiness
{
    /// <summary>Kubernetes' default terminationGracePeriodSeconds: every pod gets at least this long to stop.</summary>
    public static readonly TimeSpan DefaultGracePeriod = TimeSpan.FromSeconds(30);

    /// <summary>Per node: cordon, evictions through the API, and rescheduling and readiness of the evicted pods elsewhere.</summary>
    public static readonly TimeSpan EvictionOverhead = TimeSpan.FromSeconds(60);

    public const string Formula =
        "nodes x (max(longest terminationGracePeriodSeconds among open LongGracePeriod risks, 30 s) + 60 s eviction and rescheduling overhead), draining one node at a time";

    /// <summary>
    /// The drain risks open at <paramref name="asOf"/> as findings (found and resolved times from the observations), plus
    /// a spare-capacity finding computed from node allocatable when no InsufficientSpareCapacity risk is open (see
    /// <see cref="SpareCapacity"/>), and the estimated time to drain every node present once (<see cref="Formula"/>).
    /// Pods of every node are assumed to wait for the cluster's longest grace period, which over-estimates on purpose.
    /// </summary>
    public static DrainReadinessVerdict Evaluate(ClusterHistory cluster, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var open = cluster.DrainRisks.Where(r => r.IsOpenAt(asOf)).ToList();
        var findings = open
            .Select(r => new Finding(cluster.ClusterId, Map(r.Kind), r.Subject, r.Detail, r.FoundAt, null, [r.FoundEvidence]))
            .ToList();
        var nodes = cluster.NodesAt(asOf);
        if (!open.Any(r => r.Kind == DrainRiskKind.InsufficientSpareCapacity) && SpareCapacity(cluster, nodes, asOf) is { } spare)
            findings.Add(spare);
        var longest = open
            .Where(r => r.Kind == DrainRiskKind.LongGracePeriod && r.GracePeriodSeconds is not null)
            .Select(r => TimeSpan.FromSeconds(r.GracePeriodSeconds!.Value))
            .DefaultIfEmpty(DefaultGracePeriod)
            .Max();
        var perNode = (longest > DefaultGracePeriod ? longest : DefaultGracePeriod) + EvictionOverhead;
        return new DrainReadinessVerdict(
            cluster.ClusterId,
            [.. findings.OrderBy(f => f.DetectedAt).ThenBy(f => f.Kind).ThenBy(f => f.Subject, StringComparer.Ordinal)],
            nodes.Count,
            perNode * nodes.Count,
            Formula);
    }

    public static FindingKind Map(DrainRiskKind kind) => kind switch
    {
        DrainRiskKind.SingleReplica => FindingKind.SingleReplica,
        DrainRiskKind.ReplicasOnOneNode => FindingKind.ReplicasOnOneNode,
        DrainRiskKind.NoSpreadOrAntiAffinity => FindingKind.NoSpreadOrAntiAffinity,
        DrainRiskKind.LongGracePeriod => FindingKind.LongGracePeriod,
        DrainRiskKind.PdbAllowsNoDisruption => FindingKind.PdbAllowsNoDisruption,
        DrainRiskKind.InsufficientSpareCapacity => FindingKind.InsufficientSpareCapacity,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// Without pod requests the spare capacity is at most the allocatable of the other schedulable nodes; when even that
    /// is smaller than the largest node's allocatable (cpu or memory), the largest node cannot be drained. A necessary
    /// condition only: a cluster that passes may still lack room once requests are counted. Detected at the latest
    /// change to the node set before asOf.
    /// </summary>
    public static Finding? SpareCapacity(ClusterHistory cluster, IReadOnlyList<NodeRecord> nodes, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(nodes);
        if (nodes.Count == 0) return null;
        var snapshots = nodes.Select(n => (Node: n, Snapshot: n.SnapshotAt(asOf)!)).ToList();
        foreach (var resource in (string[])["cpu", "memory"])
        {
            var sizes = snapshots
                .Select(s => (s.Node, s.Snapshot, Size: s.Snapshot.Allocatable.TryGetValue(resource, out var q) ? Quantity.Parse(q) : null))
                .ToList();
            if (sizes.Any(s => s.Size is null)) continue;
            var largest = sizes.MaxBy(s => s.Size!.Value);
            var room = sizes.Where(s => s.Node != largest.Node && !s.Snapshot.Unschedulable).Sum(s => s.Size!.Value);
            if (room >= largest.Size!.Value) continue;
            var changedAt = cluster.Nodes
                .SelectMany(n => n.Presence.SelectMany(p => new[] { p.From, p.To ?? p.From }).Concat(n.Snapshots.Select(s => s.At)))
                .Where(t => t <= asOf)
                .Max();
            return new Finding(cluster.ClusterId, FindingKind.InsufficientSpareCapacity, "cluster",
                $"{resource}: the other schedulable nodes offer at most {room} while node {largest.Node.Name} has {largest.Size} allocatable",
                changedAt, null, [.. snapshots.Select(s => s.Snapshot.Evidence)]);
        }
        return null;
    }
}
