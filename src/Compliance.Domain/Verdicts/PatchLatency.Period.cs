using Compliance.Domain.Versions;

namespace Compliance.Domain.Verdicts;

/// <summary>
/// One patch level of a product's cycle on one cluster: the component groups that ran an older version of the cycle
/// when it came out (control plane, kubelets, kube-proxies, ...) taken together, the unit every patch count counts.
/// Applied when the last of them got there; due at the earliest of their deadlines; its status is the worst of theirs.
/// </summary>
public sealed record ClusterPatch(
    string ClusterId,
    string Product,
    string Cycle,
    string Patch,
    IReadOnlyList<ComponentKind> Kinds,
    DateTimeOffset ReleasedAt,
    bool DayOnly,
    DateTimeOffset ClockFrom,
    bool Critical,
    DateTimeOffset DueAt,
    DateTimeOffset? AppliedAt,
    TimeSpan? Latency,
    TimeSpan Age,
    SlaStatus Status,
    EvidenceRef? Evidence);

/// <summary>
/// The patches released in [<see cref="From"/>, <see cref="To"/>] (whole UTC days) as they stood at <see cref="AsOf"/>,
/// and the counts every surface shows for them. Due: the deadline has passed, or the patch was applied; compliance =
/// applied within SLA / due (null when nothing is due).
/// </summary>
public sealed record PatchPeriod(
    DateOnly From,
    DateOnly To,
    DateTimeOffset AsOf,
    int Patches,
    int Due,
    int AppliedWithinSla,
    int Breached,
    int Open,
    double? Compliance,
    IReadOnlyList<ClusterPatch> Rows);

public static partial class PatchLatency
{
    /// <summary>
    /// The one count of patches behind the CLI, the API and the report: the verdicts (of one cluster or many) seen at
    /// <paramref name="asOf"/>, those released from day <paramref name="from"/> to day <paramref name="to"/>, one row per
    /// cluster and patch level, ordered by release. The same verdicts, period and as-of give the same rows and counts.
    /// </summary>
    public static PatchPeriod ForPeriod(IEnumerable<PatchLatencyVerdict> verdicts, DateOnly from, DateOnly to, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var rows = verdicts
            .Select(v => At(v, asOf))
            .OfType<PatchLatencyVerdict>()
            .Where(v => Days.Of(v.ReleasedAt) >= from && Days.Of(v.ReleasedAt) <= to)
            .GroupBy(v => (v.ClusterId, v.Product, v.Cycle, v.Patch))
            .Select(g => Together([.. g]))
            .OrderBy(p => p.ReleasedAt).ThenBy(p => p.ClusterId, StringComparer.Ordinal).ThenBy(p => p.Product, StringComparer.Ordinal)
            .ThenBy(p => p.Patch, StringComparer.Ordinal)
            .ToList();
        var due = rows.Where(p => p.DueAt <= asOf || p.AppliedAt is not null).ToList();
        var met = due.Count(p => p.Status == SlaStatus.Met);
        return new PatchPeriod(from, to, asOf, rows.Count, due.Count, met,
            rows.Count(p => p.Status == SlaStatus.Breached), rows.Count(p => p.Status == SlaStatus.Open),
            due.Count == 0 ? null : (double)met / due.Count, rows);
    }

    private static ClusterPatch Together(List<PatchLatencyVerdict> groups)
    {
        var first = groups[0];
        var applied = groups.All(v => v.AppliedAt is not null) ? groups.Max(v => v.AppliedAt) : null;
        var status = groups.Any(v => v.Status == SlaStatus.Breached) ? SlaStatus.Breached
            : groups.Any(v => v.Status == SlaStatus.Open) ? SlaStatus.Open
            : SlaStatus.Met;
        var clock = groups.Min(v => v.ClockFrom);
        var evidence = applied is null ? null : groups.Where(v => v.AppliedAt is not null).MaxBy(v => v.AppliedAt)!.Evidence;
        return new ClusterPatch(first.ClusterId, first.Product, first.Cycle, first.Patch, [.. groups.Select(v => v.Kind).Distinct().Order()],
            first.ReleasedAt, groups.All(v => v.DayOnly), clock, groups.Any(v => v.Critical), groups.Min(v => v.DueAt), applied,
            Since(clock, applied), groups.Max(v => v.Age), status, evidence);
    }
}
