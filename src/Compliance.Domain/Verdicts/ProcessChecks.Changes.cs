using Compliance.Domain.Policies;
using Compliance.Domain.Versions;

namespace Compliance.Domain.Verdicts;

public static partial class ProcessChecks
{
    private static readonly TimeSpan NodeChangeGrouping = TimeSpan.FromHours(1);

    /// <summary>
    /// An observed version change (an interval that replaced another of the same component; a first observation is not a
    /// change, except a node joining with a kubelet, kube-proxy, OS, kernel or runtime version that none of the nodes
    /// present just before ran: that is how node-pool replacements upgrade, so it counts as a change from the lowest
    /// version they ran; a node joining with a version already running is a scale-out) at an instant with no started window open (from its start to its completion or abort, or to its scheduled
    /// end if neither is known by asOf; both ends included, as watchers observe with a lag) and no emergency patch
    /// covering the old or new product at that instant. One finding per component group and change instant: node-level
    /// changes of one kind and product within an hour of the first are one finding; add-on containers of one product
    /// changing at the same instant are one finding.
    /// </summary>
    private static IEnumerable<Finding> UnrecordedChanges(ClusterHistory cluster, DateTimeOffset asOf)
    {
        var open = cluster.Windows
            .Where(w => w.Started is not null && w.Started.At <= asOf)
            .Select(w => (From: w.Started!.At, To: w.Ended is { } e && e.At <= asOf ? e.At : w.EndsAt))
            .ToList();
        var emergencies = cluster.EmergencyPatches.Where(e => e.RecordedAt <= asOf).ToList();
        var unrecorded = Changes(cluster, asOf)
            .Where(i => !open.Any(w => w.From <= i.From && i.From <= w.To))
            .Where(i => !emergencies.Any(e => e.Covers(i.Version.Product, i.From) || e.Covers(i.Previous!.Product, i.From)));
        foreach (var group in unrecorded.GroupBy(i => (i.Kind, Product: GroupProduct(i))))
        {
            var span = group.Key.Kind is ComponentKind.ControlPlane or ComponentKind.AddOn ? TimeSpan.Zero : NodeChangeGrouping;
            var pending = new List<ComponentInterval>();
            foreach (var change in group.OrderBy(i => i.From).ThenBy(i => i.ComponentId, StringComparer.Ordinal))
            {
                if (pending.Count > 0 && !SameGroup(change.From - pending[0].From, span))
                {
                    yield return Unrecorded(cluster.ClusterId, group.Key.Kind, group.Key.Product, pending);
                    pending = [];
                }
                pending.Add(change);
            }
            if (pending.Count > 0) yield return Unrecorded(cluster.ClusterId, group.Key.Kind, group.Key.Product, pending);
        }
    }

    private static IEnumerable<ComponentInterval> Changes(ClusterHistory cluster, DateTimeOffset asOf)
    {
        foreach (var kind in cluster.Intervals.Where(i => i.From <= asOf).GroupBy(i => i.Kind))
        {
            var intervals = kind.ToList();
            var earlier = kind.Key is ComponentKind.ControlPlane or ComponentKind.AddOn ? null : new RunningBefore(intervals);
            foreach (var i in intervals)
            {
                if (i.Previous is not null)
                {
                    yield return i;
                    continue;
                }
                if (earlier?.LowestOtherVersion(i) is { } lowest) yield return i with { Previous = lowest };
            }
        }
    }

    /// <summary>
    /// The intervals of one component kind ordered by start, to find those running on other nodes just before a node
    /// joined without comparing each join with every interval (quadratic: seconds for a cluster of 5,000 nodes).
    /// </summary>
    private sealed class RunningBefore
    {
        private readonly List<ComponentInterval> intervals;
        private readonly int[] byStart;

        public RunningBefore(List<ComponentInterval> intervals)
        {
            this.intervals = intervals;
            byStart = [.. Enumerable.Range(0, intervals.Count).OrderBy(k => intervals[k].From)];
        }

        /// <summary>
        /// For a node's first interval: the lowest version that other nodes ran at its start (intervals begun before it,
        /// still running then; the first in ledger order among equals), or null when none ran or one ran the same version.
        /// </summary>
        public ObservedVersion? LowestOtherVersion(ComponentInterval joined)
        {
            var begunBefore = FirstStartingAtOrAfter(joined.From);
            ComponentInterval? lowest = null;
            var lowestIndex = int.MaxValue;
            for (var k = 0; k < begunBefore; k++)
            {
                var index = byStart[k];
                var o = intervals[index];
                if (o.Node == joined.Node || (o.To is { } to && to < joined.From)) continue;
                if (ClusterHistory.SameVersion(o.Version, joined.Version)) return null;
                var order = lowest is null ? -1 : o.Version.Key.CompareTo(lowest.Version.Key);
                if (order < 0 || (order == 0 && index < lowestIndex)) (lowest, lowestIndex) = (o, index);
            }

            return lowest?.Version;
        }

        private int FirstStartingAtOrAfter(DateTimeOffset at)
        {
            var (low, high) = (0, byStart.Length);
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (intervals[byStart[middle]].From < at) low = middle + 1;
                else high = middle;
            }

            return low;
        }
    }

    private static bool SameGroup(TimeSpan apart, TimeSpan span) => span == TimeSpan.Zero ? apart == TimeSpan.Zero : apart < span;

    private static string GroupProduct(ComponentInterval i) =>
        i.Version.Product.Length > 0 ? i.Version.Product
        : i.Previous!.Product.Length > 0 ? i.Previous.Product
        : i.ComponentId;

    private static Finding Unrecorded(string clusterId, ComponentKind kind, string product, List<ComponentInterval> changes)
    {
        var first = changes[0];
        var moves = string.Join(", ", changes.Select(c => $"{Spell(c.Previous!)} to {Spell(c.Version)}").Distinct(StringComparer.Ordinal));
        var where = changes.Count == 1 ? first.Node.Length > 0 ? $" on node {first.Node}" : "" : $" on {changes.Count} {Words.Components(kind)}";
        var component = kind == ComponentKind.AddOn ? $"add-on {product}" : $"{Words.Component(kind)} {product}";
        return new Finding(clusterId, FindingKind.UnrecordedChange, $"{component} changed {Words.Instant(first.From)}",
            $"{component} changed from {moves}{where} at {Words.Instant(first.From)} with no maintenance window open and no emergency patch recorded for it",
            first.From, null, [.. changes.Select(c => c.Evidence)]);
    }

    /// <summary>A version as a reader knows it: the normalized numbers, with the build where it tells versions apart (a kernel's ABI).</summary>
    private static string Spell(ObservedVersion v) =>
        !v.IsKnown ? v.Raw : v.Build is { Length: > 0 } build && !v.Normalized.EndsWith(build, StringComparison.Ordinal) && v.Product == "linux-kernel"
            ? $"{v.Normalized}-{build}"
            : v.Normalized;

    /// <summary>
    /// A production cluster with a linked staging cluster took control-plane version X (a change, not its first
    /// observation) before staging had run X, or a later patch of X's cycle, for StagingSoakDays in total. Products are
    /// not compared (a staging cluster may run upstream Kubernetes of the same cycle). Without the staging history the
    /// check cannot be made and yields nothing. A change covered by a recorded emergency patch is exempt: a critical
    /// patch due within 72 hours cannot soak in staging for days first, and the emergency record is its evidence.
    /// </summary>
    private static IEnumerable<Finding> StagingSkipped(ClusterHistory cluster, ClusterHistory? staging, MaintenancePolicy policy, DateTimeOffset asOf)
    {
        if (cluster.Registration is not { Environment: Events.Environment.Production, StagingClusterId: not null } || staging is null) yield break;
        var soak = TimeSpan.FromDays(policy.StagingSoakDays);
        var stagingRuns = staging.Intervals.Where(i => i.Kind == ComponentKind.ControlPlane && i.Version.IsKnown).ToList();
        var emergencies = cluster.EmergencyPatches.Where(e => e.RecordedAt <= asOf).ToList();
        foreach (var change in cluster.Intervals.Where(i => i.Kind == ComponentKind.ControlPlane && i.Previous is not null && i.From <= asOf && i.Version.IsKnown))
        {
            if (emergencies.Any(e => e.Covers(change.Version.Product, change.From))) continue;
            var taken = change.From;
            var x = change.Version;
            var qualifying = stagingRuns.Where(s => s.Version.Cycle == x.Cycle && s.Version.Key >= x.Key && s.From < taken).ToList();
            var soaked = qualifying.Aggregate(TimeSpan.Zero, (sum, s) => sum + ((s.To is { } to && to < taken ? to : taken) - s.From));
            if (soaked >= soak) continue;
            var evidence = new List<EvidenceRef> { change.Evidence };
            evidence.AddRange(qualifying.Select(q => q.Evidence));
            var stagingId = cluster.Registration.StagingClusterId;
            var detail = qualifying.Count == 0
                ? $"production took control plane {x.Normalized} at {Words.Instant(taken)} though staging {stagingId} had never run it (or a later {x.Cycle} patch); the soak is {policy.StagingSoakDays} days"
                : $"production took control plane {x.Normalized} at {Words.Instant(taken)} after staging {stagingId} had run it for {Words.Number(soaked.TotalDays)} days; the soak is {policy.StagingSoakDays} days";
            yield return new Finding(cluster.ClusterId, FindingKind.StagingSkipped, $"control-plane {x.Normalized}", detail, taken, null, evidence);
        }
    }
}
