namespace Compliance.Contracts.Integration;

/// <summary>
/// A maintenance action was recorded in the ledger (window scheduled, started, completed, aborted, emergency patch, ...).
/// <paramref name="What"/> says it in plain words; <paramref name="WindowId"/> is null for actions outside a window.
/// </summary>
public sealed record MaintenanceRecorded(
    string ClusterId,
    string? WindowId,
    string What,
    DateTimeOffset At,
    string Actor);
