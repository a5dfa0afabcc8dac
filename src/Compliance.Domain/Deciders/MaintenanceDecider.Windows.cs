using Compliance.Domain.Commands;
using Compliance.Domain.Events;

namespace Compliance.Domain.Deciders;

public static partial class MaintenanceDecider
{
    /// <summary>
    /// A window id names one window for good: the same id with the same data is a repeat, with other data a conflict.
    /// Windows that are still open (not completed or aborted) may not overlap: one change at a time per cluster.
    /// </summary>
    private static Decision Schedule(ScheduleWindow command, MaintenanceState state)
    {
        if (Rules.IsBlank(command.WindowId)) return Decision.Reject("window id is required");
        if (state.Window(command.WindowId) is { } existing)
        {
            var s = existing.Scheduled;
            var same = s.StartsAt == command.StartsAt && s.EndsAt == command.EndsAt && s.ContingencyPlan == command.ContingencyPlan
                && Rules.SameItems(s.PlannedChanges, command.PlannedChanges);
            return same
                ? Decision.Unchanged
                : Decision.Reject($"window '{command.WindowId}' is already scheduled ({s.StartsAt:u} to {s.EndsAt:u}) with different data; use a new window id");
        }
        if (command.EndsAt <= command.StartsAt)
        {
            return Decision.Reject($"window '{command.WindowId}' ends ({command.EndsAt:u}) at or before it starts ({command.StartsAt:u})");
        }
        if (command.EndsAt - command.StartsAt > MaxWindowLength)
        {
            return Decision.Reject($"window '{command.WindowId}' lasts {command.EndsAt - command.StartsAt}, longer than the {MaxWindowLength.TotalHours} hours a window may last");
        }
        if (command.StartsAt < command.Now - PastScheduleTolerance)
        {
            return Decision.Reject($"window '{command.WindowId}' starts in the past ({command.StartsAt:u}, now {command.Now:u}): windows are scheduled ahead");
        }
        var changes = command.PlannedChanges ?? [];
        if (changes.Any(c => c is null || Rules.IsBlank(c.Product) || Rules.IsBlank(c.ToVersion)))
        {
            return Decision.Reject("every planned change needs a product and a target version");
        }
        var overlapping = state.Windows.Values
            .Where(w => !w.IsFinished && w.Scheduled.StartsAt < command.EndsAt && command.StartsAt < w.Scheduled.EndsAt)
            .OrderBy(w => w.Scheduled.StartsAt)
            .FirstOrDefault();
        if (overlapping is not null) return Decision.Reject($"window '{command.WindowId}' overlaps {Describe(overlapping)}");
        return Decision.Accept(new MaintenanceWindowScheduled(
            command.ClusterId, command.WindowId, command.StartsAt, command.EndsAt, command.ContingencyPlan, [.. changes], command.Now));
    }

    /// <summary>Announcements are made before the window: once it started (or its start time passed) it is too late.</summary>
    private static Decision Announce(AnnounceMaintenance command, MaintenanceState state)
    {
        if (state.Window(command.WindowId) is not { } window) return UnknownWindow(command.WindowId, "announcement");
        if (window.Announcements.Any(a => a.Audience == command.Audience && Rules.SameItems(a.ChangeKinds, command.ChangeKinds)))
        {
            return Decision.Unchanged;
        }
        if (window.IsFinished) return Decision.Reject($"announcement for a finished window: {Describe(window)}");
        if (window.Status == WindowStatus.Started || command.Now >= window.Scheduled.StartsAt)
        {
            return Decision.Reject($"announcement after the window started: {Describe(window)}, now {command.Now:u}");
        }
        if (Rules.IsBlank(command.Audience)) return Decision.Reject("announcement audience is required");
        if (command.ChangeKinds is null || command.ChangeKinds.Count == 0) return Decision.Reject("announcement must name the kinds of change (patch, minor, major)");
        return Decision.Accept(new MaintenanceAnnounced(command.ClusterId, command.WindowId, command.Audience, [.. command.ChangeKinds], command.Now));
    }

    private static Decision Start(StartMaintenance command, MaintenanceState state)
    {
        if (state.Window(command.WindowId) is not { } window) return UnknownWindow(command.WindowId, "start");
        if (window.Status == WindowStatus.Started) return Decision.Unchanged;
        if (window.IsFinished) return Decision.Reject($"cannot start: {Describe(window)}");
        var earliest = window.Scheduled.StartsAt - EarlyStartTolerance;
        if (command.Now < earliest)
        {
            return Decision.Reject($"too early to start window '{command.WindowId}': it starts at {window.Scheduled.StartsAt:u}, earliest start {earliest:u}, now {command.Now:u}");
        }
        if (command.Now > window.Scheduled.EndsAt)
        {
            return Decision.Reject($"window '{command.WindowId}' ended at {window.Scheduled.EndsAt:u}, now {command.Now:u}: schedule a new window");
        }
        return Decision.Accept(new MaintenanceStarted(command.ClusterId, command.WindowId, command.Now));
    }

    private static Decision Complete(CompleteMaintenance command, MaintenanceState state)
    {
        if (state.Window(command.WindowId) is not { } window) return UnknownWindow(command.WindowId, "completion");
        return window.Status switch
        {
            WindowStatus.Completed when window.Completion?.Outcome == command.Outcome => Decision.Unchanged,
            WindowStatus.Completed => Decision.Reject($"window '{command.WindowId}' is already completed as {window.Completion?.Outcome}"),
            WindowStatus.Aborted => Decision.Reject($"cannot complete: {Describe(window)}"),
            WindowStatus.Started => Decision.Accept(new MaintenanceCompleted(command.ClusterId, command.WindowId, command.Outcome, command.Notes, command.Now)),
            _ => Decision.Reject($"cannot complete a window that has not started: {Describe(window)}"),
        };
    }

    /// <summary>A scheduled window may be aborted before it starts (called off) as well as while it runs.</summary>
    private static Decision Abort(AbortMaintenance command, MaintenanceState state)
    {
        if (state.Window(command.WindowId) is not { } window) return UnknownWindow(command.WindowId, "abort");
        if (window.Abort is { } aborted)
        {
            return aborted.Reason == command.Reason && aborted.ContingencyUsed == command.ContingencyUsed
                ? Decision.Unchanged
                : Decision.Reject($"window '{command.WindowId}' is already aborted: {aborted.Reason}");
        }
        if (window.IsFinished) return Decision.Reject($"cannot abort: {Describe(window)}");
        if (Rules.IsBlank(command.Reason)) return Decision.Reject("abort reason is required");
        return Decision.Accept(new MaintenanceAborted(command.ClusterId, command.WindowId, command.ContingencyUsed, command.Reason, command.Now));
    }

    /// <summary>One retrospective per window; a different second one is rejected rather than silently replacing the first.</summary>
    private static Decision Retrospective(RecordRetrospective command, MaintenanceState state)
    {
        if (state.Window(command.WindowId) is not { } window) return UnknownWindow(command.WindowId, "retrospective");
        var findings = (command.Findings ?? []).Where(f => !Rules.IsBlank(f)).ToList();
        if (window.Retrospective is { } recorded)
        {
            return Rules.SameItems(recorded.Findings, findings) && Rules.SameItems(recorded.Improvements, command.Improvements)
                ? Decision.Unchanged
                : Decision.Reject($"a retrospective for window '{command.WindowId}' is already recorded ({recorded.At:u})");
        }
        if (!window.IsFinished) return Decision.Reject($"retrospective before the window is completed or aborted: {Describe(window)}");
        if (findings.Count == 0) return Decision.Reject("a retrospective needs at least one finding");
        return Decision.Accept(new RetrospectiveRecorded(command.ClusterId, command.WindowId, findings, [.. command.Improvements ?? []], command.Now));
    }
}
