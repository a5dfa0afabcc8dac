using Compliance.Domain.Catalog;
using Compliance.Domain.Versions;

namespace Compliance.Domain.Verdicts;

/// <summary>Patches applied within SLA out of the patches due (due: the due date has passed, or the patch was applied).</summary>
public sealed record PatchCompliance(int AppliedWithinSla, int Due)
{
    /// <summary>Null when nothing is due yet (no promise to measure).</summary>
    public double? Ratio => Due == 0 ? null : (double)AppliedWithinSla / Due;
}

/// <summary>
/// Patch latency (DOMAIN.md "Verdicts"). Components are judged by group: the control plane; all kubelets; all
/// kube-proxies; every OS image, runtime and add-on product; upstream kernels (a distribution kernel, one its OS release
/// maintains, follows its distribution's builds and is skipped, as is every version whose patch position the catalog
/// cannot tell: <see cref="ReleaseCatalog.PatchesBehindUnknownReason"/>). A patch is a patch level
/// (<see cref="ReleaseCatalog.PatchLevelsOf"/>): the vendor's builds of one upstream level are one patch. The SLA clock
/// starts at the release, or at the end of the release day when the catalog knows only the day. Instances whose version is unknown are left out here (the
/// EOL verdict reports them as unknown). A patch p of cycle c counts for a group that, at R(p), had an instance on c
/// older than p; it is applied at A(p), the first instant at which every instance of the group then present runs p or
/// newer (a later cycle is newer). Age is the time from release to the application, or to asOf while open. An instance that disappears no longer holds the group back, so replacing old nodes
/// with new ones applies the patch when the last old node goes.
/// </summary>
public static partial class PatchLatency
{
    public static IReadOnlyList<PatchLatencyVerdict> Evaluate(ClusterHistory cluster, ReleaseCatalog catalog, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(catalog);
        var sla = cluster.PolicyAt(asOf).Sla;
        var verdicts = new List<PatchLatencyVerdict>();
        var groups = cluster.Intervals
            .Where(i => i.From <= asOf && catalog.PatchesBehindUnknownReason(i.Version) is null)
            .Select(i => i.To > asOf ? i with { To = null } : i)
            .Select(i => i with { Version = InPatchTerms(i.Version) })
            .GroupBy(i => (i.Kind, i.Version.Product));
        foreach (var group in groups)
        {
            var members = group.ToList();
            var timeline = Timeline(members);
            foreach (var cycle in members.Select(m => m.Version.Cycle).Distinct(StringComparer.Ordinal))
            {
                foreach (var patch in catalog.PatchLevelsOf(group.Key.Product, cycle, asOf))
                {
                    if (patch.ReleasedAt > asOf) continue;
                    var target = VersionParser.ParseForProduct(patch.Product, patch.Version);
                    if (!target.IsKnown) continue;
                    var exposed = members.Any(m => m.Version.Cycle == cycle && m.Version.Key < target.Key && Covers(m, patch.ReleasedAt));
                    if (!exposed) continue;
                    verdicts.Add(Verdict(cluster.ClusterId, group.Key.Kind, group.Key.Product, cycle, patch, target.Key, members, timeline, catalog.IsCritical(patch), sla, asOf));
                }
            }
        }
        return [.. verdicts.OrderBy(v => v.ReleasedAt).ThenBy(v => v.Kind).ThenBy(v => v.Product, StringComparer.Ordinal)];
    }

    /// <summary>Compliance = patches applied within SLA / patches due (due date at or before asOf, or applied).</summary>
    public static PatchCompliance Compliance(IEnumerable<PatchLatencyVerdict> verdicts, DateTimeOffset asOf)
    {
        var due = verdicts.Where(v => v.DueAt <= asOf || v.AppliedAt is not null).ToList();
        return new PatchCompliance(due.Count(v => v.Status == SlaStatus.Met), due.Count);
    }

    private static PatchLatencyVerdict Verdict(
        string clusterId, ComponentKind kind, string product, string cycle, PatchRelease patch, VersionKey target,
        List<ComponentInterval> members, List<(DateTimeOffset At, VersionKey? Min)> timeline, bool critical,
        Policies.PatchSla sla, DateTimeOffset asOf)
    {
        var released = patch.ReleasedAt;
        var clock = CatalogDates.ClockStart(released);
        var due = clock + (critical ? sla.Critical : sla.Other);
        DateTimeOffset? applied = null;
        foreach (var (at, min) in timeline)
        {
            if (at <= released) continue;
            if (min is null || min.Value >= target)
            {
                applied = at;
                break;
            }
        }
        var status = applied is { } a ? a <= due ? SlaStatus.Met : SlaStatus.Breached : asOf > due ? SlaStatus.Breached : SlaStatus.Open;
        var evidence = applied is { } when
            ? members.Where(m => m.From == when && m.Version.Key >= target).Select(m => m.Evidence).FirstOrDefault()
            : null;
        return new PatchLatencyVerdict(
            clusterId, kind, product, cycle, patch.Version, released, CatalogDates.IsDayOnly(released), clock, critical, due, applied,
            Since(clock, applied), Since(clock, applied ?? asOf)!.Value, status, evidence);
    }

    /// <summary>The time from the clock's start to an instant, never negative (a patch applied on its release day before the clock started took no time).</summary>
    internal static TimeSpan? Since(DateTimeOffset clock, DateTimeOffset? at) =>
        at is { } t ? t > clock ? t - clock : TimeSpan.Zero : null;

    private static bool Covers(ComponentInterval i, DateTimeOffset at) => i.From <= at && (i.To is null || i.To > at);

    /// <summary>
    /// Keeps the observed product (the group is reported under it) with the key read as its patch level
    /// (<see cref="ReleaseCatalog.PatchLevelKey"/>): an EKS gitVersion <c>v1.29.3-eks-adc7111</c> is compared with
    /// Kubernetes patches as 1.29.3, a GKE build <c>1.33.5-gke.1080000</c> as 1.33.5.
    /// </summary>
    private static ObservedVersion InPatchTerms(ObservedVersion version) => version with { Key = ReleaseCatalog.PatchLevelKey(version) };

    /// <summary>The lowest version running in the group after each instant at which the group changed (null: nothing running).</summary>
    private static List<(DateTimeOffset At, VersionKey? Min)> Timeline(List<ComponentInterval> members)
    {
        var changes = members.Select(m => (At: m.From, Key: m.Version.Key, Delta: 1))
            .Concat(members.Where(m => m.To is not null).Select(m => (At: m.To!.Value, Key: m.Version.Key, Delta: -1)))
            .OrderBy(c => c.At)
            .ToList();
        var running = new SortedDictionary<VersionKey, int>();
        var timeline = new List<(DateTimeOffset, VersionKey?)>();
        for (var i = 0; i < changes.Count; i++)
        {
            var (at, key, delta) = changes[i];
            var count = running.GetValueOrDefault(key) + delta;
            if (count <= 0) running.Remove(key);
            else running[key] = count;
            var lastAtInstant = i == changes.Count - 1 || changes[i + 1].At != at;
            if (lastAtInstant) timeline.Add((at, running.Count == 0 ? null : running.Keys.First()));
        }
        return timeline;
    }
}
