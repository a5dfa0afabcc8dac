using System.Collections.Immutable;
using Compliance.Domain.Events;

namespace Compliance.Domain.Deciders;

public enum WindowStatus
{
    Scheduled,
    Announced,
    Started,
    Completed,
    Aborted,
}

/// <summary>One maintenance window and what has been recorded in it.</summary>
public sealed record WindowState(
    MaintenanceWindowScheduled Scheduled,
    WindowStatus Status,
    ImmutableList<MaintenanceAnnounced> Announcements,
    ImmutableList<ComponentUpgraded> Upgrades,
    ImmutableList<NodeDrained> Drains,
    MaintenanceCompleted? Completion,
    MaintenanceAborted? Abort,
    RetrospectiveRecorded? Retrospective)
{
    public string WindowId => Scheduled.WindowId;

    public bool IsFinished => Status is WindowStatus.Completed or WindowStatus.Aborted;

    /// <summary>When the window was started; null while it has not been.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    public static WindowState From(MaintenanceWindowScheduled scheduled) =>
        new(scheduled, WindowStatus.Scheduled, [], [], [], null, null, null);
}

/// <summary>
/// What the <c>maintenance-{clusterId}</c> stream knows: its windows by id and the emergency patches by id. The
/// cluster's registration lives in another stream; the command handler checks it, this state stays self-contained.
/// </summary>
public sealed record MaintenanceState(
    ImmutableDictionary<string, WindowState> Windows,
    ImmutableDictionary<string, EmergencyPatchRecorded> Emergencies)
{
    public static MaintenanceState Empty { get; } = new(
        ImmutableDictionary<string, WindowState>.Empty.WithComparers(StringComparer.Ordinal),
        ImmutableDictionary<string, EmergencyPatchRecorded>.Empty.WithComparers(StringComparer.Ordinal));

    public WindowState? Window(string? windowId) => windowId is not null && Windows.TryGetValue(windowId, out var window) ? window : null;

    internal MaintenanceState Update(string windowId, Func<WindowState, WindowState> change) =>
        Windows.TryGetValue(windowId, out var window) ? this with { Windows = Windows.SetItem(windowId, change(window)) } : this;
}
