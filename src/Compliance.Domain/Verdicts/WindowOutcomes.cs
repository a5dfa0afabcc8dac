using Compliance.Domain.Events;

namespace Compliance.Domain.Verdicts;

/// <summary>What became of a scheduled maintenance window as of a date (DOMAIN.md "Process checks", window outcome).</summary>
public enum WindowResult
{
    /// <summary>Not started, and its end is still ahead.</summary>
    Upcoming,
    /// <summary>Started, no outcome recorded, and its end is still ahead.</summary>
    InProgress,
    /// <summary>Completed as planned.</summary>
    Held,
    /// <summary>Completed with part of the plan undone.</summary>
    Partial,
    /// <summary>Aborted (called off, or its contingency plan used), or completed as failed.</summary>
    Aborted,
    /// <summary>Not started by its end.</summary>
    Missed,
    /// <summary>Started, its end passed, and no outcome recorded.</summary>
    NoOutcome,
}

/// <summary>
/// One window and its result as of a date. <see cref="Reason"/> is what the ledger says about a partial or aborted
/// window (the completion notes, the abort reason). <see cref="Score"/> is its share in the window score (held 1,
/// partial 0.5, aborted, missed and without an outcome 0), null while it is not due. <see cref="Outcome"/> points at the
/// fact that decided the result (the completion or abort), <see cref="Scheduled"/> at the schedule.
/// </summary>
public sealed record WindowVerdict(
    string ClusterId,
    string WindowId,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    WindowResult Result,
    string? Reason,
    DateTimeOffset? EndedAt,
    double? Score,
    EvidenceRef Scheduled,
    EvidenceRef? Outcome);

/// <summary>The window score of a set of windows: held 1, partial 0.5, the rest 0, over the windows due (null when none is).</summary>
public sealed record WindowScore(int Due, int Held, int Partial, int Aborted, int Missed, int NoOutcome, double? Share)
{
    public const string Formula = "window score = (held + 0.5 x partial) / windows due; aborted, missed and windows without a recorded outcome count 0";
}

/// <summary>Window outcomes: held only when completed as planned; partial and aborted are findings of their own.</summary>
public static class WindowOutcomes
{
    /// <summary>Every window scheduled by <paramref name="asOf"/>, judged on the facts recorded by then, by start.</summary>
    public static IReadOnlyList<WindowVerdict> Evaluate(ClusterHistory cluster, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return [.. cluster.Windows
            .Where(w => w.Scheduled is { } s && s.At <= asOf)
            .Select(w => Of(cluster.ClusterId, w, asOf))
            .OrderBy(v => v.StartsAt)
            .ThenBy(v => v.WindowId, StringComparer.Ordinal)];
    }

    /// <summary>A window's share in the window score; null for a window not due yet.</summary>
    public static double? ScoreOf(WindowResult result) => result switch
    {
        WindowResult.Held => 1,
        WindowResult.Partial => 0.5,
        WindowResult.Aborted or WindowResult.Missed or WindowResult.NoOutcome => 0,
        WindowResult.Upcoming or WindowResult.InProgress => null,
        _ => throw new ArgumentOutOfRangeException(nameof(result), result, "not a window result"),
    };

    public static WindowScore Score(IEnumerable<WindowVerdict> windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        var due = windows.Where(w => w.Score is not null).ToList();
        int Count(WindowResult r) => due.Count(w => w.Result == r);
        return new WindowScore(due.Count, Count(WindowResult.Held), Count(WindowResult.Partial), Count(WindowResult.Aborted),
            Count(WindowResult.Missed), Count(WindowResult.NoOutcome), due.Count == 0 ? null : due.Sum(w => w.Score!.Value) / due.Count);
    }

    /// <summary>One window judged on the facts recorded by <paramref name="asOf"/>.</summary>
    public static WindowVerdict Of(string clusterId, MaintenanceWindowRecord w, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(w);
        var end = w.Ended is { } e && e.At <= asOf ? e : null;
        var (result, reason) = end switch
        {
            { Aborted: true } => (WindowResult.Aborted, $"{(end.ContingencyUsed ? "contingency plan used" : "called off, contingency plan not used")}: {end.Reason}"),
            { Outcome: WindowOutcome.Succeeded } => (WindowResult.Held, (string?)null),
            { Outcome: WindowOutcome.PartiallySucceeded } => (WindowResult.Partial, end.Reason ?? "completed with part of the plan undone; no notes recorded"),
            { Outcome: WindowOutcome.Failed } => (WindowResult.Aborted, $"completed as failed: {end.Reason ?? "no notes recorded"}"),
            _ when w.Started is { } s && s.At <= asOf => (asOf < w.EndsAt ? WindowResult.InProgress : WindowResult.NoOutcome, null),
            _ => (w.EndsAt <= asOf ? WindowResult.Missed : WindowResult.Upcoming, null),
        };
        return new WindowVerdict(clusterId, w.WindowId, w.StartsAt, w.EndsAt, result, reason, end?.At, ScoreOf(result), w.Scheduled!.Evidence, end?.Evidence);
    }
}
