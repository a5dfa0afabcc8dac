using Compliance.Domain.Deciders;

namespace Compliance.Domain.Events;

/// <summary>
/// Which fields of a node observation count, named once. An observation is news when any field but its instant differs
/// from the node's last one (<see cref="Differs"/>: the observation decider records it). The history asks two narrower
/// questions of what was recorded: did the five component versions change (<see cref="SameVersions"/>: new version
/// intervals) and did the status drain readiness reads change (<see cref="SameStatus"/>: a new node snapshot). The
/// other fields (architecture, operating system, machine, system and boot ids, maintenance annotations) are evidence
/// only: recorded when they change, counted by no verdict.
/// </summary>
public static class NodeComparison
{
    public static bool Differs(NodeObserved known, NodeObserved seen)
    {
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(seen);
        return !SameVersions(known.Info, seen.Info)
            || !SameStatus(known.Labels, known.Allocatable, known.Unschedulable, seen)
            || !SameEvidence(known, seen);
    }

    /// <summary>The versions a node runs: kubelet, kube-proxy, OS image, kernel and container runtime.</summary>
    public static bool SameVersions(NodeInfo known, NodeInfo seen)
    {
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(seen);
        return string.Equals(known.KubeletVersion, seen.KubeletVersion, StringComparison.Ordinal)
            && string.Equals(known.KubeProxyVersion, seen.KubeProxyVersion, StringComparison.Ordinal)
            && string.Equals(known.OsImage, seen.OsImage, StringComparison.Ordinal)
            && string.Equals(known.KernelVersion, seen.KernelVersion, StringComparison.Ordinal)
            && string.Equals(known.ContainerRuntimeVersion, seen.ContainerRuntimeVersion, StringComparison.Ordinal);
    }

    /// <summary>What drain readiness reads of a node: its labels, allocatable resources and whether it is cordoned.</summary>
    public static bool SameStatus(IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string> allocatable, bool unschedulable, NodeObserved seen)
    {
        ArgumentNullException.ThrowIfNull(seen);
        return unschedulable == seen.Unschedulable && Rules.SameEntries(labels, seen.Labels) && Rules.SameEntries(allocatable, seen.Allocatable);
    }

    private static bool SameEvidence(NodeObserved known, NodeObserved seen) =>
        string.Equals(known.Info.Architecture, seen.Info.Architecture, StringComparison.Ordinal)
        && string.Equals(known.Info.OperatingSystem, seen.Info.OperatingSystem, StringComparison.Ordinal)
        && string.Equals(known.Info.MachineId, seen.Info.MachineId, StringComparison.Ordinal)
        && string.Equals(known.Info.SystemUuid, seen.Info.SystemUuid, StringComparison.Ordinal)
        && string.Equals(known.Info.BootId, seen.Info.BootId, StringComparison.Ordinal)
        && Rules.SameEntries(known.Annotations, seen.Annotations);
}
