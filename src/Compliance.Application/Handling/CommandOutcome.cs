namespace Compliance.Application.Handling;

/// <summary>
/// What happened to a command: appended (Positions not empty), already applied (Accepted with no positions), or
/// rejected with the decider's reason. Revision is the stream's last revision afterwards (null: no stream).
/// </summary>
public sealed record CommandOutcome(string Stream, long? Revision, IReadOnlyList<long> Positions, string? Rejection)
{
    public bool Accepted => Rejection is null;

    public bool Changed => Positions.Count > 0;
}
