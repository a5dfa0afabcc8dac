using System.Collections.Immutable;

namespace Compliance.Application.Demo;

/// <summary>
/// What one cluster runs, cluster-wide (nodes are upgraded together within a window). Versions are spelled as their
/// catalog spells them: <see cref="ControlPlane"/> is a Kubernetes patch (<c>1.33.2</c>, also on EKS) or a GKE version
/// (<c>1.33.2-gke.1240000</c>); kubelets run the same version. <see cref="Os"/> is empty where the image has no version.
/// </summary>
internal sealed record FleetState(
    string ControlPlane,
    string ControlCycle,
    string OsCycle,
    string Os,
    string Kernel,
    string Runtime,
    ImmutableSortedDictionary<string, string> AddOns)
{
    public string RuntimeCycle => CycleOf(Runtime);

    /// <summary>MAJOR.MINOR of a dotted version.</summary>
    public static string CycleOf(string version)
    {
        var parts = version.Split('.', '-');
        return parts.Length >= 2 ? $"{parts[0]}.{parts[1]}" : version;
    }
}

/// <summary>A cluster's state from an instant on (the snapshot taken when a change completed).</summary>
internal sealed record StateAt(DateTimeOffset At, FleetState State);

/// <summary>The states a cluster went through, in time order, and the windows it held.</summary>
internal sealed class ClusterTimeline(ClusterSpec spec)
{
    private readonly List<StateAt> states = [];
    private readonly List<(DateTimeOffset From, DateTimeOffset To)> windows = [];

    public ClusterSpec Spec => spec;

    public IReadOnlyList<StateAt> States => states;

    public IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> Windows => windows;

    public void Record(DateTimeOffset at, FleetState state) => states.Add(new StateAt(at, state));

    public void RecordWindow(DateTimeOffset from, DateTimeOffset to) => windows.Add((from, to));

    /// <summary>The state in force at <paramref name="at"/> (the first one before the cluster's first record).</summary>
    public FleetState At(DateTimeOffset at) => states.LastOrDefault(s => s.At <= at)?.State ?? states[0].State;

    public bool HasWindowNear(DateTimeOffset from, DateTimeOffset to) => windows.Any(w => w.From < to && from < w.To);
}
