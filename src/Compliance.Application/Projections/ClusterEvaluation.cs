using Compliance.Application.ReadModels;
using Compliance.Domain.Policies;
using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;

namespace Compliance.Application.Projections;

/// <summary>Turns one cluster's history into the read model the projection stores, with time-dependent verdicts as of an instant.</summary>
public static class ClusterEvaluation
{
    public static ClusterReadModel Evaluate(FleetState fleet, ClusterHistory history, DateTimeOffset asOf)
    {
        var staging = fleet.StagingOf(history);
        var patches = PatchLatency.Evaluate(history, fleet.Catalog, asOf);
        var drain = DrainReadiness.Evaluate(history, asOf);
        var findings = ProcessChecks.Evaluate(history, staging, asOf)
            .Concat(DrainFindings(history, drain, asOf))
            .OrderBy(f => f.DetectedAt).ThenBy(f => f.Kind).ThenBy(f => f.Subject, StringComparer.Ordinal)
            .ToList();
        return new ClusterReadModel(Row(history), history.Intervals, patches, findings, drain.EstimatedDrainTime);
    }

    /// <summary>
    /// Every drain risk ever found, with its resolution, so a past date can be asked; plus the findings the verdict
    /// computes as of now (spare capacity) that no recorded risk stands for.
    /// </summary>
    private static IEnumerable<Finding> DrainFindings(ClusterHistory history, DrainReadinessVerdict drain, DateTimeOffset asOf)
    {
        var recorded = history.DrainRisks
            .Where(r => r.FoundAt <= asOf)
            .Select(r => new Finding(history.ClusterId, DrainReadiness.Map(r.Kind), r.Subject, r.Detail, r.FoundAt,
                r.ResolvedAt <= asOf ? r.ResolvedAt : null,
                r.ResolvedEvidence is { } resolved && r.ResolvedAt <= asOf ? [r.FoundEvidence, resolved] : [r.FoundEvidence]))
            .ToList();
        return recorded.Concat(drain.OpenRisks.Where(f => !recorded.Any(r => r.Kind == f.Kind && r.Subject == f.Subject && r.DetectedAt == f.DetectedAt)));
    }

    public static ClusterRow Row(ClusterHistory history) => history.Registration is { } r
        ? new ClusterRow(history.ClusterId, r.DisplayName, r.Environment.ToString().ToLowerInvariant(), r.OwnerTeam, r.Flavour,
            r.StagingClusterId, history.Policy, r.At)
        : new ClusterRow(history.ClusterId, history.ClusterId, "unregistered", "", Flavour.Upstream, null, MaintenancePolicy.Default, DateTimeOffset.MinValue);
}
