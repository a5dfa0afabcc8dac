using Compliance.Domain.Deciders;
using Compliance.Domain.Events;

namespace Compliance.Domain.Commands;

/// <summary>A command decided on stream <c>observations-{clusterId}</c>.</summary>
public abstract record ObservationCommand(string Actor, DateTimeOffset Now) : Command(Actor, Now)
{
    /// <summary>The cluster whose observations stream decides the command (empty when the command names none).</summary>
    public abstract string ClusterId { get; }
}

/// <summary>
/// Record what a watcher saw. The observation decider turns it into an event only when it differs from what is
/// already known (a relist or a redelivery records nothing).
/// </summary>
public sealed record RecordObservation(ObservationEvent Observation, string Actor, DateTimeOffset Now) : ObservationCommand(Actor, Now)
{
    public override string ClusterId => Observation?.ClusterId ?? "";
}

/// <summary>
/// Everything a complete listing of a cluster found present: its nodes, the add-on containers in the namespaces it
/// looked at, and the drain risks open in it, at <paramref name="ObservedAt"/>.
/// </summary>
public sealed record ClusterInventory(
    string ClusterId,
    IReadOnlyCollection<string> Nodes,
    IReadOnlyCollection<string> AddOnNamespaces,
    IReadOnlyCollection<AddOnKey> AddOns,
    IReadOnlyCollection<string> OpenRisks,
    DateTimeOffset ObservedAt);

/// <summary>
/// Bring what the observations stream holds as present in line with a complete listing: what it holds and the listing
/// lacks is gone (what disappeared while no watcher ran). The decider records the removals; a listing that finds
/// everything known records nothing.
/// </summary>
public sealed record ReconcileInventory(ClusterInventory Inventory, string Actor, DateTimeOffset Now) : ObservationCommand(Actor, Now)
{
    public override string ClusterId => Inventory?.ClusterId ?? "";
}

/// <summary>Record a catalog fact (cycle, patch, vulnerability); idempotent for the same fact.</summary>
public sealed record RecordCatalogFact(CatalogEvent Fact, string Actor, DateTimeOffset Now) : Command(Actor, Now);
