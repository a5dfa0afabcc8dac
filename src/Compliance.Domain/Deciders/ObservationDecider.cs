using Compliance.Domain.Commands;
using Compliance.Domain.Events;

namespace Compliance.Domain.Deciders;

/// <summary>
/// Decides <see cref="RecordObservation"/> on stream <c>observations-{clusterId}</c>: an observation becomes an event
/// only when it tells something new, so relists and redeliveries record nothing. Observations are accepted in the
/// order they arrive; only ones missing the names that identify what was seen are rejected.
/// </summary>
public static class ObservationDecider
{
    public static ObservationState Initial => ObservationState.Empty;

    public static Decision Decide(RecordObservation command, ObservationState state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        var observation = command.Observation;
        if (observation is null) return Decision.Reject("observation is required");
        if (Rules.IsBlank(observation.ClusterId)) return Decision.Reject($"{observation.GetType().Name} has no cluster id");
        var missing = MissingName(observation);
        if (missing is not null) return Decision.Reject($"{observation.GetType().Name} for cluster '{observation.ClusterId}' has no {missing}");
        return IsKnown(observation, state) ? Decision.Unchanged : Decision.Accept(observation);
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

    private static string? MissingName(ObservationEvent observation) => observation switch
    {
        ControlPlaneVersionObserved e when Rules.IsBlank(e.GitVersion) => "gitVersion",
        NodeObserved e when Rules.IsBlank(e.Node) => "node name",
        NodeObserved e when e.Info is null => "node info",
        NodeRemoved e when Rules.IsBlank(e.Node) => "node name",
        AddOnVersionObserved e when Rules.IsBlank(e.Namespace) || Rules.IsBlank(e.Workload) || Rules.IsBlank(e.Container) =>
            "namespace, workload or container",
        AddOnVersionObserved e when Rules.IsBlank(e.Image) => "image",
        AddOnRemoved e when Rules.IsBlank(e.Namespace) || Rules.IsBlank(e.Workload) || Rules.IsBlank(e.Container) =>
            "namespace, workload or container",
        DrainRiskFound e when Rules.IsBlank(e.RiskId) => "risk id",
        DrainRiskFound e when Rules.IsBlank(e.Subject) => "subject",
        DrainRiskResolved e when Rules.IsBlank(e.RiskId) => "risk id",
        _ => null,
    };

    private static bool IsKnown(ObservationEvent observation, ObservationState state) => observation switch
    {
        ControlPlaneVersionObserved e => state.ControlPlane is { } cp && cp.GitVersion == e.GitVersion && cp.Platform == e.Platform,
        NodeObserved e => state.Nodes.TryGetValue(e.Node, out var known) && SameNode(known, e),
        NodeRemoved e => !state.Nodes.ContainsKey(e.Node),
        AddOnVersionObserved e => state.AddOns.TryGetValue(new AddOnKey(e.Namespace, e.Workload, e.Container), out var known)
            && known.Image == e.Image && known.Product == e.Product,
        AddOnRemoved e => !state.AddOns.ContainsKey(new AddOnKey(e.Namespace, e.Workload, e.Container)),
        DrainRiskFound e => state.OpenRisks.TryGetValue(e.RiskId, out var open)
            && open.Kind == e.Kind && open.Subject == e.Subject && open.Detail == e.Detail && open.GracePeriodSeconds == e.GracePeriodSeconds,
        DrainRiskResolved e => !state.OpenRisks.ContainsKey(e.RiskId),
        _ => false,
    };

    /// <summary>Equal in every field except when it was observed.</summary>
    private static bool SameNode(NodeObserved known, NodeObserved seen) =>
        known.Info == seen.Info
        && known.Unschedulable == seen.Unschedulable
        && Rules.SameEntries(known.Labels, seen.Labels)
        && Rules.SameEntries(known.Allocatable, seen.Allocatable)
        && Rules.SameEntries(known.Annotations, seen.Annotations);
}
