using Compliance.Domain.Commands;
using Compliance.Domain.Events;

namespace Compliance.Application.Demo;

/// <summary>Writes the changes made outside windows: emergency patches (recorded) and a hand-made change (not recorded).</summary>
internal static class OutOfBandSteps
{
    /// <summary>
    /// The exposed cluster takes the fixing patch on the control plane, then on every node's kubelet (a restart, no
    /// reboot), finishing <c>delay</c> after the patch's SLA clock started; the operator records the emergency patch afterwards.
    /// </summary>
    public static FleetState Emergency(
        ClusterSpec spec, NodeSet nodes, FleetState state, CriticalPatch critical, int seed, DateTimeOffset end, List<DemoStep> sink)
    {
        var delay = critical.DelayByCluster[spec.Id];
        var after = state with { ControlPlane = critical.Patch.Version };
        var startedAt = critical.ClockFrom + delay - TimeSpan.FromHours(1);
        var cpAt = startedAt.AddMinutes(10);
        Add(sink, end, cpAt, new RecordObservation(
            new ControlPlaneVersionObserved(spec.Id, Render.GitVersion(spec, after.ControlPlane, seed), Render.Platform, cpAt), Actors.Watcher, cpAt));
        var nodeAt = startedAt.AddMinutes(20);
        foreach (var node in nodes.Names)
        {
            Add(sink, end, nodeAt, new RecordObservation(nodes.Observe(node, after, nodeAt), Actors.Watcher, nodeAt));
            nodeAt = nodeAt.AddMinutes(2);
        }
        var endedAt = nodeAt.AddMinutes(8);
        var recordedAt = endedAt.AddMinutes(15);
        var id = $"emergency-{critical.CveId.ToLowerInvariant()}";
        Add(sink, end, recordedAt, new RecordEmergencyPatch(
            spec.Id, id, [critical.CveId], [Render.ControlPlaneProduct(spec.Flavour)], startedAt, endedAt, Actors.Operator(spec), recordedAt));
        return after;
    }

    /// <summary>Someone upgraded an add-on by hand; only the watcher saw it.</summary>
    public static FleetState Unrecorded(FleetState state, UnrecordedChange change, DateTimeOffset end, List<DemoStep> sink)
    {
        var addOn = AddOns.Spec(change.Product);
        Add(sink, end, change.At, new RecordObservation(
            new AddOnVersionObserved(change.ClusterId, addOn.Namespace, addOn.Workload, addOn.Container, addOn.Image(change.Version), addOn.Product, change.At),
            Actors.Watcher, change.At));
        return state with { AddOns = state.AddOns.SetItem(change.Product, change.Version) };
    }

    private static void Add(List<DemoStep> sink, DateTimeOffset end, DateTimeOffset at, Command command)
    {
        if (at <= end) sink.Add(new DemoStep(at, command));
    }
}
