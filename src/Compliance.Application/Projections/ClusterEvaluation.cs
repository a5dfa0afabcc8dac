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
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(history);
        var patches = PatchLatency.Evaluate(history, fleet.Catalog, asOf);
        var drain = DrainReadiness.Evaluate(history, asOf);
        var findings = ClusterFindings.Evaluate(history, fleet.StagingOf(history), fleet.Catalog, patches, drain, asOf);
        var exceptions = Exceptions.Evaluate(history, findings, asOf);
        return new ClusterReadModel(Row(history), history.Intervals, patches, findings, drain.EstimatedDrainTime, exceptions);
    }

    public static ClusterRow Row(ClusterHistory history) => history.Registration is { } r
        ? new ClusterRow(history.ClusterId, r.DisplayName, r.Environment.ToString().ToLowerInvariant(), r.OwnerTeam, r.Flavour,
            r.StagingClusterId, history.Policy, r.At)
        : new ClusterRow(history.ClusterId, history.ClusterId, "unregistered", "", Flavour.Upstream, null, MaintenancePolicy.Default, DateTimeOffset.MinValue);
}
