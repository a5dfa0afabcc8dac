using Compliance.Application.Serialization;

namespace Compliance.Application.Store;

public enum ChainBreakKind
{
    /// <summary>The stored hash is not the hash of the event's content and its previous hash: the row was altered.</summary>
    HashMismatch,

    /// <summary>The event's previous hash is not the hash of the event before it: an event was removed, inserted or reordered.</summary>
    BrokenLink,

    /// <summary>The global positions are not contiguous from 1: an event is missing.</summary>
    PositionGap,

    /// <summary>The event's recorded-at is earlier than the one before it: it was appended later than it says (a back-dated append).</summary>
    RecordedAtBackwards,

    /// <summary>The event's revision does not follow its stream's last: an event of the stream is missing or repeated.</summary>
    RevisionGap,

    /// <summary>The event's type is unknown, or its JSON does not read as its type: its hash holds but nothing can use it.</summary>
    UnreadableEvent,
}

/// <summary>The first event at which the chain does not hold.</summary>
public sealed record ChainBreak(long Position, string Stream, Guid EventId, ChainBreakKind Kind, string Detail);

/// <summary>
/// The outcome of walking the ledger: how many events verified, the head reached (position and hash of the last
/// verified event; 0 and genesis when none), and the first break if there is one.
/// </summary>
public sealed record ChainVerification(long Verified, long HeadPosition, string HeadHash, ChainBreak? FirstBreak)
{
    public bool Intact => FirstBreak is null;
}

/// <summary>
/// Recomputes the whole hash chain from the store's own rows with <see cref="ChainRules"/>. It proves that no event in
/// the middle was altered, removed or reordered, that recorded-at never went back and that every stream's revisions are
/// contiguous (and, given the serializer, that every event reads as a known type). Cutting events off the end, or
/// rewriting every hash after an edit, is only detectable against a head kept elsewhere: the read models' checkpoint
/// (<see cref="LedgerAgreement"/>) or a signed checkpoint held by a witness or printed in an auditor report.
/// </summary>
public static class HashChainVerifier
{
    public const int DefaultPageSize = 1_000;

    /// <summary>The chain rules only (any event type): what every store guarantees.</summary>
    public static Task<ChainVerification> VerifyAsync(IEventReader reader, CancellationToken ct) =>
        VerifyAsync(reader, DefaultPageSize, null, ct);

    public static Task<ChainVerification> VerifyAsync(IEventReader reader, int pageSize, CancellationToken ct) =>
        VerifyAsync(reader, pageSize, null, ct);

    /// <summary>The chain rules and every event read through <paramref name="contents"/>: what the Compliance ledger must meet.</summary>
    public static Task<ChainVerification> VerifyLedgerAsync(IEventReader reader, CancellationToken ct) =>
        VerifyAsync(reader, DefaultPageSize, EventSerializer.Default, ct);

    /// <summary>Stops at the first event that breaks a rule (with <paramref name="contents"/>, also unreadable events).</summary>
    public static async Task<ChainVerification> VerifyAsync(IEventReader reader, int pageSize, EventSerializer? contents, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var rules = new ChainRules(contents);
        while (true)
        {
            var inPage = 0;
            await foreach (var e in reader.ReadAllAsync(rules.HeadPosition + 1, pageSize, ct).ConfigureAwait(false))
            {
                inPage++;
                if (rules.Check(e) is { } problem) return new ChainVerification(rules.Verified, rules.HeadPosition, rules.HeadHash, problem);
            }

            if (inPage < pageSize) return new ChainVerification(rules.Verified, rules.HeadPosition, rules.HeadHash, null);
        }
    }
}
