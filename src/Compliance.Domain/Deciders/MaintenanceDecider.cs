using Compliance.Domain.Commands;
using Compliance.Domain.Events;

namespace Compliance.Domain.Deciders;

/// <summary>
/// Decides commands on stream <c>maintenance-{clusterId}</c>: windows (schedule, announce, start, record work,
/// complete or abort, retrospective) and emergency patches. Self-contained: whether the cluster is registered is the
/// command handler's concern.
/// </summary>
public static partial class MaintenanceDecider
{
    /// <summary>How early before its scheduled start a window may be started.</summary>
    public static TimeSpan EarlyStartTolerance { get; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Scheduling is for the future: a window may start at most this long before the command's Now (clock skew between
    /// the operator and the service). A window that already happened is not scheduled after the fact; an out-of-band
    /// change is recorded as an emergency patch instead.
    /// </summary>
    public static TimeSpan PastScheduleTolerance { get; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest window a cluster may hold.</summary>
    public static TimeSpan MaxWindowLength { get; } = TimeSpan.FromHours(24);

    public static MaintenanceState Initial => MaintenanceState.Empty;

    public static Decision Decide(MaintenanceCommand command, MaintenanceState state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        if (Rules.IsBlank(command.Actor)) return Decision.Reject("actor is required: every command names who asks");
        return command switch
        {
            ScheduleWindow c => Schedule(c, state),
            AnnounceMaintenance c => Announce(c, state),
            StartMaintenance c => Start(c, state),
            RecordComponentUpgrade c => Upgrade(c, state),
            RecordNodeDrained c => Drain(c, state),
            CompleteMaintenance c => Complete(c, state),
            AbortMaintenance c => Abort(c, state),
            RecordRetrospective c => Retrospective(c, state),
            RecordEmergencyPatch c => Emergency(c, state),
            _ => throw new InvalidOperationException($"{command.GetType().Name} is not handled by {nameof(MaintenanceDecider)}"),
        };
    }

    public static MaintenanceState Evolve(MaintenanceState state, DomainEvent @event) => @event switch
    {
        MaintenanceWindowScheduled e when !state.Windows.ContainsKey(e.WindowId) =>
            state with { Windows = state.Windows.SetItem(e.WindowId, WindowState.From(e)) },
        MaintenanceAnnounced e => state.Update(e.WindowId, w => w with
        {
            Announcements = w.Announcements.Add(e),
            Status = w.Status == WindowStatus.Scheduled ? WindowStatus.Announced : w.Status,
        }),
        MaintenanceStarted e => state.Update(e.WindowId, w => w with { Status = WindowStatus.Started, StartedAt = e.At }),
        ComponentUpgraded e => state.Update(e.WindowId, w => w with { Upgrades = w.Upgrades.Add(e) }),
        NodeDrained e => state.Update(e.WindowId, w => w with { Drains = w.Drains.Add(e) }),
        MaintenanceCompleted e => state.Update(e.WindowId, w => w with { Status = WindowStatus.Completed, Completion = e }),
        MaintenanceAborted e => state.Update(e.WindowId, w => w with { Status = WindowStatus.Aborted, Abort = e }),
        RetrospectiveRecorded e => state.Update(e.WindowId, w => w with { Retrospective = e }),
        EmergencyPatchRecorded e => state with { Emergencies = state.Emergencies.SetItem(e.EmergencyId, e) },
        _ => state,
    };

    private static Decision UnknownWindow(string? windowId, string what) =>
        Decision.Reject($"{what} for an unknown window '{windowId}': schedule the window first");

    private static string Describe(WindowState window) =>
        $"window '{window.WindowId}' ({window.Scheduled.StartsAt:u} to {window.Scheduled.EndsAt:u}) is {window.Status.ToString().ToLowerInvariant()}";
}
