using Compliance.Domain.Catalog;
using Compliance.Domain.Versions;

namespace Compliance.Domain.Verdicts;

/// <summary>
/// Risks that are findings with a due date (DOMAIN.md "Process checks"): a production component at eol or high risk,
/// due on its end of support (end of extended support where the policy counts it); a patch open past its SLA, due on
/// release + SLA; and observations of a cluster nobody registered. Judged as of an instant on the facts recorded by then.
/// </summary>
public static class RiskFindings
{
    /// <summary>
    /// One finding per episode of a production cluster running components of one kind on a release line from the day
    /// the line's risk is high (end of standard support minus the policy's high threshold; at once for a line whose end
    /// was reached without a date) until no component of that kind runs the line any more. A line with no end
    /// announced is no finding. The policy in force at asOf applies.
    /// </summary>
    public static IEnumerable<Finding> EolComponents(ClusterHistory cluster, ReleaseCatalog catalog, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(catalog);
        if (cluster.Registration is not { Environment: Events.Environment.Production }) yield break;
        var policy = cluster.PolicyAt(asOf);
        var lines = cluster.Intervals
            .Where(i => i.From <= asOf)
            .Select(i => (Interval: i.To > asOf ? i with { To = null } : i, Line: LineOf(i.Version, catalog)))
            .Where(x => x.Line is not null)
            .GroupBy(x => (x.Interval.Kind, x.Line!.Product, x.Line.Cycle));
        foreach (var group in lines)
        {
            var cycle = group.First().Line!;
            var highFrom = cycle.Eol is { } eol ? Days.StartOf(eol.AddDays(-policy.Eol.HighDays)) : cycle.EolReached ? DateTimeOffset.MinValue : (DateTimeOffset?)null;
            if (highFrom is null) continue;
            var extended = cycle.Eoes is not null && (policy.ExtendedSupport ?? cycle.Product == EolRisk.AmazonEks);
            var ends = extended ? cycle.Eoes : cycle.Eol;
            foreach (var span in Spans([.. group.Select(x => x.Interval)]))
            {
                var detected = span.From > highFrom.Value ? span.From : highFrom.Value;
                if ((span.To is { } to && detected >= to) || detected > asOf) continue;
                var due = ends is { } day ? Days.StartOf(day) : detected;
                yield return new Finding(cluster.ClusterId, FindingKind.EolComponent, EolSubject(group.Key.Kind, cycle.Product, cycle.Cycle),
                    EolDetail(group.Key.Kind, cycle, extended, span.Members, catalog), detected, span.To, [.. span.Members.Select(m => m.Evidence).Distinct().Take(5)],
                    DueAt: due);
            }
        }
    }

    /// <summary>What an EOL finding is about: the components of one kind on one release line (<c>kubelets on amazon-eks 1.29</c>).</summary>
    public static string EolSubject(ComponentKind kind, string product, string cycle) =>
        kind == ComponentKind.AddOn ? $"add-on {product} {cycle}" : $"{Words.Components(kind)} on {product} {cycle}";

    /// <summary>
    /// One finding per cluster and patch level (the unit of <see cref="PatchLatency.ForPeriod"/>) not applied by its SLA
    /// deadline: detected at the deadline (overdue since then), resolved when applied.
    /// </summary>
    public static IEnumerable<Finding> OverduePatches(string clusterId, IEnumerable<PatchLatencyVerdict> verdicts, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var patches = PatchLatency.ForPeriod(verdicts.Where(v => v.ClusterId == clusterId), DateOnly.MinValue, DateOnly.MaxValue, asOf).Rows;
        foreach (var p in patches.Where(p => p.DueAt < (p.AppliedAt ?? asOf)))
        {
            var components = string.Join(", ", p.Kinds.Select(Words.Components));
            var released = p.DayOnly
                ? $"released on {Words.Day(p.ReleasedAt)} (known to the day only, so its clock started at {Words.Instant(p.ClockFrom)})"
                : $"released {Words.Instant(p.ReleasedAt)}";
            var detail = $"{p.Product} {p.Patch}{(p.Critical ? " (critical security fix)" : "")}, {released}, was due on the {components} by {Words.Instant(p.DueAt)}"
                + (p.AppliedAt is { } a ? $"; applied {Words.Instant(a)}, {Words.Duration(a - p.DueAt)} late" : "");
            yield return new Finding(clusterId, FindingKind.PatchOverdue, $"{p.Product} {p.Patch} on {components}", detail,
                p.DueAt, p.AppliedAt, p.Evidence is { } e ? [e] : [], DueAt: p.DueAt);
        }
    }

    /// <summary>Observations recorded before anyone registered the cluster: found at the first one, resolved by a registration.</summary>
    public static IEnumerable<Finding> Unregistered(ClusterHistory cluster, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        if (cluster.FirstObservation is not { } first || first.At > asOf) yield break;
        var registered = cluster.Registration is { } r && r.At <= asOf ? r : null;
        if (registered is not null && registered.At <= first.At) yield break;
        yield return new Finding(cluster.ClusterId, FindingKind.UnregisteredCluster, $"cluster {cluster.ClusterId}",
            $"observations of cluster {cluster.ClusterId} were recorded from {Words.Instant(first.At)} while nobody had registered it: it had no owner and no policy of its own (the defaults applied)",
            first.At, registered?.At, registered is null ? [first.Evidence] : [first.Evidence, registered.Evidence]);
    }

    /// <summary>The release line a version is judged by: its OS release for a distribution kernel, else its own cycle; null when unknown.</summary>
    internal static ReleaseCycle? LineOf(ObservedVersion version, ReleaseCatalog catalog) => version.MaintainedBy switch
    {
        { IsKnown: true } m => catalog.Cycle(m.Product, m.Cycle),
        { } => null,
        null => catalog.CycleOf(version),
    };

    private static string EolDetail(ComponentKind kind, ReleaseCycle cycle, bool extended, List<ComponentInterval> members, ReleaseCatalog catalog)
    {
        var title = catalog.Product(cycle.Product)?.Title ?? cycle.Product;
        var versions = members.Select(m => m.Version.Raw).Distinct(StringComparer.Ordinal).ToList();
        var ran = $"{(kind == ComponentKind.AddOn ? $"add-on {cycle.Product}" : $"the {Words.Components(kind)}")} ran {title} {cycle.Cycle} "
            + $"({string.Join(", ", versions.Take(4))}{(versions.Count > 4 ? $" and {versions.Count - 4} more" : "")})";
        if (cycle.Eol is not { } eol) return $"{ran}, whose end of life was reached with no date announced";
        var standard = $"whose standard support ends on {Words.Day(eol)}";
        return extended && cycle.Eoes is { } eoes
            ? $"{ran}, {standard} and extended support (counted by the policy) on {Words.Day(eoes)}"
            : $"{ran}, {standard}";
    }

    /// <summary>The stretches of time in which at least one of the intervals ran, with the intervals of each, in order.</summary>
    private static IEnumerable<(DateTimeOffset From, DateTimeOffset? To, List<ComponentInterval> Members)> Spans(List<ComponentInterval> intervals)
    {
        var ordered = intervals.OrderBy(i => i.From).ToList();
        var members = new List<ComponentInterval>();
        DateTimeOffset? from = null, to = null;
        var open = false;
        foreach (var i in ordered)
        {
            if (from is not null && !open && i.From > to!.Value)
            {
                yield return (from.Value, to, members);
                (members, from, to) = ([], null, null);
            }

            from ??= i.From;
            members.Add(i);
            if (i.To is null) open = true;
            else if (!open && (to is null || i.To > to)) to = i.To;
        }

        if (from is not null) yield return (from.Value, open ? null : to, members);
    }
}
