using Compliance.Domain.Events;

namespace Compliance.Domain.Verdicts;

/// <summary>Where a maintenance window stands as of an instant.</summary>
public enum WindowState
{
    /// <summary>Not started and its end not reached.</summary>
    Upcoming,
    /// <summary>Started, its end not reached, no outcome recorded yet.</summary>
    InProgress,
    /// <summary>Completed as planned (outcome Succeeded).</summary>
    Held,
    /// <summary>Completed with part of the plan undone (outcome PartiallySucceeded).</summary>
    Partial,
    /// <summary>Aborted before it completed.</summary>
    Aborted,
    /// <summary>Completed with the outcome Failed.</summary>
    Failed,
    /// <summary>Neither started nor aborted by its end.</summary>
    Missed,
    /// <summary>Started, its end passed, and no completion or abort recorded.</summary>
    NoOutcome,
}

/// <summary>The outcome of a window from its recorded facts, and what it counts for in the window score.</summary>
public static class WindowOutcomes
{
    /// <summary>
    /// The state as of <paramref name="asOf"/>: only facts at or before it count. A window is held only when its
    /// completion says Succeeded; an abort recorded before any completion makes it aborted, whatever was upgraded first.
    /// </summary>
    public static WindowState StateOf(MaintenanceWindowRecord window, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(window);
        var completed = window.Completed is { } c && c.At <= asOf ? c : null;
        if (window.Aborted is { } a && a.At <= asOf && (completed is null || a.At < completed.At)) return WindowState.Aborted;
        if (completed is not null)
        {
            return completed.Outcome switch
            {
                WindowOutcome.Succeeded => WindowState.Held,
                WindowOutcome.PartiallySucceeded => WindowState.Partial,
                WindowOutcome.Failed => WindowState.Failed,
                _ => throw new ArgumentOutOfRangeException(nameof(window), completed.Outcome, "not a window outcome"),
            };
        }

        if (window.Started is { } s && s.At <= asOf) return window.EndsAt <= asOf ? WindowState.NoOutcome : WindowState.InProgress;
        return window.EndsAt <= asOf ? WindowState.Missed : WindowState.Upcoming;
    }

    /// <summary>
    /// What a window counts for in the window score: held 1, partial 0.5, aborted, failed, missed and a
    /// window without a recorded outcome 0; null for a window not due yet (upcoming or in progress).
    /// </summary>
    public static double? Score(WindowState state) => state switch
    {
        WindowState.Held => 1,
        WindowState.Partial => 0.5,
        WindowState.Aborted or WindowState.Failed or WindowState.Missed or WindowState.NoOutcome => 0,
        WindowState.Upcoming or WindowState.InProgress => null,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}
