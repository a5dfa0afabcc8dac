using System.Collections.Immutable;
using Compliance.Domain.Events;

namespace Compliance.Domain.Deciders;

/// <summary>Where an add-on container runs: namespace, workload and container name.</summary>
public sealed record AddOnKey(string Namespace, string Workload, string Container);

/// <summary>What the <c>observations-{clusterId}</c> stream knows is running now.</summary>
/// <param name="ControlPlane">The last control-plane version observation; null before the first.</param>
/// <param name="Nodes">Each present node's last observation, by node name.</param>
/// <param name="AddOns">Each present add-on container's last observation.</param>
/// <param name="OpenRisks">Drain risks found and not resolved, by risk id.</param>
public sealed record ObservationState(
    ControlPlaneVersionObserved? ControlPlane,
    ImmutableDictionary<string, NodeObserved> Nodes,
    ImmutableDictionary<AddOnKey, AddOnVersionObserved> AddOns,
    ImmutableDictionary<string, DrainRiskFound> OpenRisks)
{
    public static ObservationState Empty { get; } = new(
        null,
        ImmutableDictionary<string, NodeObserved>.Empty.WithComparers(StringComparer.Ordinal),
        ImmutableDictionary<AddOnKey, AddOnVersionObserved>.Empty,
        ImmutableDictionary<string, DrainRiskFound>.Empty.WithComparers(StringComparer.Ordinal));
}
