namespace Compliance.Contracts.Integration;

/// <summary>
/// A version change observed with no open maintenance window and no recorded emergency patch.
/// <paramref name="Evidence"/> points at the ledger event that shows it, as "stream@revision".
/// </summary>
public sealed record UnrecordedChangeDetected(
    string ClusterId,
    string Subject,
    string Detail,
    DateTimeOffset DetectedAt,
    string Evidence);
