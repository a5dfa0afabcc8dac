using Compliance.Application.Serialization;
using Compliance.Application.Store;
using Compliance.Domain.Deciders;
using Compliance.Domain.Events;

namespace Compliance.Application.Checkpoints;

/// <summary>Whether the ledger still extends a signed checkpoint, and whether the checkpoints it holds agree with it.</summary>
public static class CheckpointCheck
{
    /// <summary>
    /// Null when the ledger extends <paramref name="checkpoint"/>: the chain (<paramref name="verified"/>, from position 1)
    /// holds up to its position and the event there has its hash and recorded-at. Otherwise what was found: the ledger
    /// was cut off before it, or the history up to it was rewritten.
    /// </summary>
    public static async Task<string?> ProblemAsync(IEventReader ledger, ChainVerification verified, SignedCheckpoint checkpoint, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(verified);
        ArgumentNullException.ThrowIfNull(checkpoint);
        var p = checkpoint.Position;
        if (verified.FirstBreak is { } b && b.Position <= p)
            return $"the ledger does not verify before the checkpoint's position {p}: position {b.Position}: {b.Kind} ({b.Detail})";
        if (verified.HeadPosition < p)
            return $"the ledger ends at position {verified.HeadPosition}, before the checkpoint's position {p}: events were cut off after it was signed";
        await foreach (var e in ledger.ReadAllAsync(p, 1, ct))
        {
            if (!string.Equals(e.Hash, checkpoint.Hash, StringComparison.Ordinal))
                return $"the ledger's event at position {p} has hash {e.Hash} but the checkpoint signed {checkpoint.Hash}: the history up to there was rewritten";
            if (e.RecordedAt != checkpoint.RecordedAt)
                return $"the ledger's event at position {p} was recorded at {SignedCheckpoint.Instant(e.RecordedAt)} but the checkpoint signed {SignedCheckpoint.Instant(checkpoint.RecordedAt)}";
            return null;
        }

        return $"the ledger has no event at the checkpoint's position {p}";
    }

    /// <summary>
    /// The first checkpoint recorded in the ledger that the ledger no longer extends (or, given the public key, whose
    /// signature does not verify, for those it signed), or null. Catches a history rewritten and re-chained under checkpoints left in place.
    /// </summary>
    public static async Task<string?> InLedgerAsync(IEventReader ledger, ChainVerification verified, string? publicKeyPem, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var fingerprint = publicKeyPem is null ? null : CheckpointSignature.FingerprintOf(publicKeyPem);
        await foreach (var e in ledger.ReadStreamAsync(Streams.Checkpoints, Direction.Forwards, 0, int.MaxValue, ct))
        {
            if (verified.FirstBreak is { } b && e.Position >= b.Position) break;
            if (EventSerializer.Default.FromStored(e) is not LedgerCheckpointed recorded) continue;
            var checkpoint = SignedCheckpoint.Of(recorded);
            if (await ProblemAsync(ledger, verified, checkpoint, ct) is { } problem) return $"checkpoint recorded at position {e.Position}: {problem}";
            // Checkpoints of another key (one rotated out) cannot be checked with this one.
            if (publicKeyPem is not null && checkpoint.KeyFingerprint == fingerprint && CheckpointSignature.Problem(checkpoint, publicKeyPem) is { } bad) return $"checkpoint recorded at position {e.Position}: {bad}";
        }

        return null;
    }
}
