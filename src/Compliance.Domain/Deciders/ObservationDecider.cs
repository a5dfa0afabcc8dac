using Compliance.Domain.Commands;
using Compliance.Domain.Events;

namespace Compliance.Domain.Deciders;

/// <summary>
/// Decides the commands of stream <c>observations-{clusterId}</c>. An observation becomes an event only when it tells
/// something new, so relists and redeliveries record nothing; observations are accepted in the order they arrive, and
/// only ones missing the names that identify what was seen are rejected. A complete listing of the cluster records
/// as gone what the stream holds as present and the listing lacks.
/// </summary>
public static class ObservationDecider
{
    public static ObservationState Initial => ObservationState.Empty;

    public static Decision Decide(ObservationCommand command, ObservationState state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        return command switch
        {
            RecordObservation c => Record(c.Observation, state),
            ReconcileInventory c => Reconcile(c.Inventory, state),
            _ => throw new InvalidOperationException($"{command.GetType().Name} is not handled by {nameof(ObservationDecider)}"),
        };
    }

    public static ObservationState Evolve(ObservationState state, DomainEvent @event) => @event switch
    {
        ControlPlaneVersionObserved e => state with { ControlPlane = e },
        NodeObserved e => state with { Nodes = state.Nodes.SetItem(e.Node, e) },
        NodeRemoved e => state with { Nodes = state.Nodes.Remove(e.Node) },
        AddOnVersionObserved e => state with { AddOns = state.AddOns.SetItem(new AddOnKey(e.Namespace, e.Workload, e.Container), e) },
        AddOnRemoved e => state with { AddOns = state.AddOns.Remove(new AddOnKey(e.Namespace, e.Workload, e.Container)) },
        DrainRiskFound e => state with { OpenRisks = state.OpenRisks.SetItem(e.RiskId, e) },
        DrainRiskResolved e => state with { OpenRisks = state.OpenRisks.Remove(e.RiskId) },
        _ => state,
    };

    private static Decision Record(ObservationEvent? observation, ObservationState state)
    {
        if (observation is null) return Decision.Reject("observation is required");
        if (Rules.IsBlank(observation.ClusterId)) return Decision.Reject($"{observation.GetType().Name} has no cluster id");
        var missing = MissingName(observation);
        if (missing is not null) return Decision.Reject($"{observation.GetType().Name} for cluster '{observation.ClusterId}' has no {missing}");
        return IsKnown(observation, state) ? Decision.Unchanged : Decision.Accept(observation);
    }

    /// <summary>
    /// Removes each node, add-on container (in the namespaces the listing looked at: others it did not see) and open
    /// drain risk the state holds and the listing lacks, at the listing's instant, in name order so that the same
    /// listing on the same state always decides the same events. A subject last observed after the listing was taken
    /// stays: the listing says nothing about it (an observation sent after the listing, recorded before it). The
    /// removals change the state, so the listing again records nothing.
    /// </summary>
    private static Decision Reconcile(ClusterInventory? listing, ObservationState state)
    {
        if (listing is null) return Decision.Reject("cluster listing is required");
        if (Rules.IsBlank(listing.ClusterId)) return Decision.Reject("cluster listing has no cluster id");
        var missing = listing.Nodes is null ? "nodes" : listing.AddOnNamespaces is null ? "add-on namespaces"
            : listing.AddOns is null ? "add-ons" : listing.OpenRisks is null ? "open drain risks" : null;
        if (missing is not null)
            return Decision.Reject($"cluster listing of '{listing.ClusterId}' has no list of {missing} (an empty list says there are none)");

        var nodes = listing.Nodes!.ToHashSet(StringComparer.Ordinal);
        var namespaces = listing.AddOnNamespaces!.ToHashSet(StringComparer.Ordinal);
        var addOns = listing.AddOns!.ToHashSet();
        var risks = listing.OpenRisks!.ToHashSet(StringComparer.Ordinal);
        var (cluster, at) = (listing.ClusterId, listing.ObservedAt);
        DomainEvent[] gone =
        [
            .. state.Nodes.Where(n => !nodes.Contains(n.Key) && n.Value.ObservedAt <= at).Select(n => n.Key).Order(StringComparer.Ordinal)
                .Select(n => new NodeRemoved(cluster, n, at)),
            .. state.AddOns.Where(a => namespaces.Contains(a.Key.Namespace) && !addOns.Contains(a.Key) && a.Value.ObservedAt <= at).Select(a => a.Key)
                .OrderBy(k => k.Namespace, StringComparer.Ordinal).ThenBy(k => k.Workload, StringComparer.Ordinal).ThenBy(k => k.Container, StringComparer.Ordinal)
                .Select(k => new AddOnRemoved(cluster, k.Namespace, k.Workload, k.Container, at)),
            .. state.OpenRisks.Where(r => !risks.Contains(r.Key) && r.Value.ObservedAt <= at).Select(r => r.Key).Order(StringComparer.Ordinal)
                .Select(r => new DrainRiskResolved(cluster, r, at)),
        ];
        return gone.Length == 0 ? Decision.Unchanged : Decision.Accept(gone);
    }

    private static string? MissingName(ObservationEvent observation) => observation switch
    {
        ControlPlaneVersionObserved e => Rules.IsBlank(e.GitVersion) ? "gitVersion" : null,
        NodeObserved e => Rules.IsBlank(e.Node) ? "node name" : e.Info is null ? "node info" : null,
        NodeRemoved e => Rules.IsBlank(e.Node) ? "node name" : null,
        AddOnVersionObserved e => AnyBlank(e.Namespace, e.Workload, e.Container) ? "namespace, workload or container"
            : Rules.IsBlank(e.Image) ? "image" : null,
        AddOnRemoved e => AnyBlank(e.Namespace, e.Workload, e.Container) ? "namespace, workload or container" : null,
        DrainRiskFound e => Rules.IsBlank(e.RiskId) ? "risk id" : Rules.IsBlank(e.Subject) ? "subject" : null,
        DrainRiskResolved e => Rules.IsBlank(e.RiskId) ? "risk id" : null,
        _ => throw Unhandled(observation),
    };

    private static bool IsKnown(ObservationEvent observation, ObservationState state) => observation switch
    {
        ControlPlaneVersionObserved e => state.ControlPlane is { } cp && cp.GitVersion == e.GitVersion && cp.Platform == e.Platform,
        NodeObserved e => state.Nodes.TryGetValue(e.Node, out var known) && !NodeComparison.Differs(known, e),
        NodeRemoved e => !state.Nodes.ContainsKey(e.Node),
        AddOnVersionObserved e => state.AddOns.TryGetValue(new AddOnKey(e.Namespace, e.Workload, e.Container), out var known)
            && known.Image == e.Image && known.Product == e.Product,
        AddOnRemoved e => !state.AddOns.ContainsKey(new AddOnKey(e.Namespace, e.Workload, e.Container)),
        DrainRiskFound e => state.OpenRisks.TryGetValue(e.RiskId, out var open)
            && open.Kind == e.Kind && open.Subject == e.Subject && open.Detail == e.Detail && open.GracePeriodSeconds == e.GracePeriodSeconds,
        DrainRiskResolved e => !state.OpenRisks.ContainsKey(e.RiskId),
        _ => throw Unhandled(observation),
    };

    private static bool AnyBlank(string ns, string workload, string container) =>
        Rules.IsBlank(ns) || Rules.IsBlank(workload) || Rules.IsBlank(container);

    private static InvalidOperationException Unhandled(ObservationEvent observation) =>
        new($"{observation.GetType().Name} is not handled by {nameof(ObservationDecider)}");
}
