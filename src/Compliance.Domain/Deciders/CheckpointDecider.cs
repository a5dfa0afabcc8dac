using System.Collections.Immutable;
using Compliance.Domain.Commands;
using Compliance.Domain.Events;

namespace Compliance.Domain.Deciders;

/// <summary>The positions the <c>ledger-checkpoints</c> stream has signed, with the head hash signed at each.</summary>
public sealed record CheckpointState(ImmutableDictionary<long, string> Signed)
{
    public static CheckpointState Empty { get; } = new(ImmutableDictionary<long, string>.Empty);
}

/// <summary>
/// Decides <see cref="RecordLedgerCheckpoint"/> on stream <c>ledger-checkpoints</c>. A position is checkpointed once;
/// the same position with another hash is refused, since it means the history up to there was rewritten after it was signed.
/// </summary>
public static class CheckpointDecider
{
    public static CheckpointState Initial => CheckpointState.Empty;

    public static Decision Decide(RecordLedgerCheckpoint command, CheckpointState state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        var c = command.Checkpoint;
        if (c is null) return Decision.Reject("checkpoint is required");
        if (c.Position < 1) return Decision.Reject($"checkpoint position {c.Position} is not a ledger position (they start at 1)");
        if (!Rules.IsSha256(c.HeadHash)) return Decision.Reject($"'{c.HeadHash}' is not a SHA-256 head hash (64 hex digits)");
        if (Rules.IsBlank(c.Algorithm) || Rules.IsBlank(c.KeyFingerprint) || Rules.IsBlank(c.Signature))
            return Decision.Reject("checkpoint has no algorithm, key fingerprint or signature");
        if (!state.Signed.TryGetValue(c.Position, out var signed)) return Decision.Accept(c);
        return string.Equals(signed, c.HeadHash, StringComparison.OrdinalIgnoreCase)
            ? Decision.Unchanged
            : Decision.Reject($"position {c.Position} was checkpointed with head hash {signed}, not {c.HeadHash}: the ledger was rewritten after it was signed");
    }

    public static CheckpointState Evolve(CheckpointState state, DomainEvent @event) => @event switch
    {
        LedgerCheckpointed e => state with { Signed = state.Signed.SetItem(e.Position, e.HeadHash) },
        _ => state,
    };
}
