using Compliance.Domain.Catalog;
using Compliance.Domain.Events;
using Compliance.Domain.Verdicts;

namespace Compliance.Application.Projections;

/// <summary>
/// The in-memory fold the projections evaluate verdicts from: every cluster's history and the catalog (the shipped
/// snapshot with the catalog facts recorded in the ledger on top). Knows which clusters an event touches.
/// </summary>
public sealed class FleetState(ReleaseCatalog shipped)
{
    private readonly Dictionary<string, ClusterHistory> clusters = new(StringComparer.Ordinal);
    private readonly List<CatalogEvent> catalogFacts = [];
    private ReleaseCatalog? catalog;

    public IReadOnlyDictionary<string, ClusterHistory> Clusters => clusters;

    public ReleaseCatalog Catalog => catalog ??= shipped.With(catalogFacts);

    /// <summary>Folds one recorded fact in; returns the cluster it belongs to, or null for a catalog fact (which touches all).</summary>
    public string? Apply(RecordedFact fact)
    {
        switch (fact.Event)
        {
            case ReportIssued or LedgerCheckpointed:
                return null; // reports and checkpoints are about the ledger, not the fleet: nothing to fold (the runner skips them)
            case CatalogEvent c:
                catalogFacts.Add(c);
                catalog = null;
                return null;
            case ClusterEvent c:
                return ApplyTo(c.ClusterId, fact);
            case MaintenanceEvent m:
                return ApplyTo(m.ClusterId, fact);
            case ObservationEvent o:
                return ApplyTo(o.ClusterId, fact);
            case ExceptionEvent x:
                return ApplyTo(x.ClusterId, fact);
            default:
                throw new InvalidOperationException($"Event {fact.Event.GetType().Name} at position {fact.Position} belongs to no known stream.");
        }
    }

    /// <summary>The production clusters whose staging-first checks read <paramref name="clusterId"/>'s history.</summary>
    public IEnumerable<string> ClustersStagedThrough(string clusterId) =>
        clusters.Values.Where(c => c.Registration?.StagingClusterId == clusterId).Select(c => c.ClusterId);

    public ClusterHistory? StagingOf(ClusterHistory cluster) =>
        cluster.Registration?.StagingClusterId is { } staging ? clusters.GetValueOrDefault(staging) : null;

    private string ApplyTo(string clusterId, RecordedFact fact)
    {
        if (!clusters.TryGetValue(clusterId, out var history))
        {
            history = new ClusterHistory(clusterId, shipped);
            clusters.Add(clusterId, history);
        }

        history.Apply(fact);
        return clusterId;
    }
}
