using Compliance.Domain.Catalog;

namespace Compliance.Domain.Verdicts;

/// <summary>
/// Every finding of one cluster as of an instant, in one list an auditor reads: the process checks (with window
/// outcomes and unregistered observations), every drain risk recorded (found and resolved), the production components
/// at eol or high risk and the patches open past their SLA; each owned by the cluster's owner team.
/// </summary>
public static class ClusterFindings
{
    /// <param name="cluster">The cluster's history.</param>
    /// <param name="staging">The linked staging cluster's history, for the staging-first check.</param>
    /// <param name="catalog">The catalog the EOL findings judge by.</param>
    /// <param name="patches">The cluster's patch-latency verdicts as of <paramref name="asOf"/>.</param>
    /// <param name="drain">The drain-readiness verdict as of <paramref name="asOf"/> (its computed risks join the recorded ones).</param>
    /// <param name="asOf">The instant judged.</param>
    public static IReadOnlyList<Finding> Evaluate(
        ClusterHistory cluster, ClusterHistory? staging, ReleaseCatalog catalog, IReadOnlyList<PatchLatencyVerdict> patches,
        DrainReadinessVerdict drain, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(drain);
        var owner = cluster.Registration?.OwnerTeam ?? "";
        return [.. ProcessChecks.Evaluate(cluster, staging, asOf)
            .Concat(DrainFindings(cluster, drain, asOf))
            .Concat(RiskFindings.EolComponents(cluster, catalog, asOf))
            .Concat(RiskFindings.OverduePatches(cluster.ClusterId, patches, asOf))
            .Select(f => f with { Owner = owner })
            .OrderBy(f => f.DetectedAt).ThenBy(f => f.Kind).ThenBy(f => f.Subject, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Every drain risk ever found, with its resolution, so a past date can be asked; plus the findings the verdict
    /// computes as of now (spare capacity) that no recorded risk stands for.
    /// </summary>
    private static IEnumerable<Finding> DrainFindings(ClusterHistory cluster, DrainReadinessVerdict drain, DateTimeOffset asOf)
    {
        var recorded = cluster.DrainRisks
            .Where(r => r.FoundAt <= asOf)
            .Select(r => new Finding(cluster.ClusterId, DrainReadiness.Map(r.Kind), r.Subject, r.Detail, r.FoundAt,
                r.ResolvedAt <= asOf ? r.ResolvedAt : null,
                r.ResolvedEvidence is { } resolved && r.ResolvedAt <= asOf ? [r.FoundEvidence, resolved] : [r.FoundEvidence]))
            .ToList();
        return recorded.Concat(drain.OpenRisks.Where(f => !recorded.Any(r => r.Kind == f.Kind && r.Subject == f.Subject && r.DetectedAt == f.DetectedAt)));
    }
}
