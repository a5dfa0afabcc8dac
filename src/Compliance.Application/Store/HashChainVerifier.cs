namespace Compliance.Application.Store;

public enum ChainBreakKind
{
    /// <summary>The stored hash is not the hash of the event's content and its previous hash: the row was altered.</summary>
    HashMismatch,

    /// <summary>The event's previous hash is not the hash of the event before it: an event was removed, inserted or reordered.</summary>
    BrokenLink,

    /// <summary>The global positions are not contiguous from 1: an event is missing.</summary>
    PositionGap,
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
/// Recomputes the whole hash chain from the store's own rows. It proves that no event in the middle was altered,
/// removed or reordered; cutting events off the end, or rewriting every hash after an edit, is only detectable against
/// a head hash kept elsewhere (e.g. printed in an auditor report), which is what <see cref="ChainVerification.HeadHash"/> is for.
/// </summary>
public static class HashChainVerifier
{
    public const int DefaultPageSize = 1_000;

    public static Task<ChainVerification> VerifyAsync(IEventReader reader, CancellationToken ct) =>
        VerifyAsync(reader, DefaultPageSize, ct);

    public static async Task<ChainVerification> VerifyAsync(IEventReader reader, int pageSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        long verified = 0;
        var expectedPosition = 1L;
        var previousHash = HashChain.Genesis;
        while (true)
        {
            var inPage = 0;
            await foreach (var e in reader.ReadAllAsync(expectedPosition, pageSize, ct).ConfigureAwait(false))
            {
                inPage++;
                var problem = Check(e, expectedPosition, previousHash);
                if (problem is not null)
                {
                    return new ChainVerification(verified, expectedPosition - 1, previousHash, problem);
                }

                verified++;
                previousHash = e.Hash;
                expectedPosition = e.Position + 1;
            }

            if (inPage < pageSize)
            {
                return new ChainVerification(verified, expectedPosition - 1, previousHash, null);
            }
        }
    }

    private static ChainBreak? Check(StoredEvent e, long expectedPosition, string previousHash)
    {
        if (e.Position != expectedPosition)
        {
            return Break(e, ChainBreakKind.PositionGap, $"expected position {expectedPosition}, found {e.Position}");
        }

        if (!string.Equals(e.PreviousHash, previousHash, StringComparison.Ordinal))
        {
            return Break(e, ChainBreakKind.BrokenLink, $"previous hash {e.PreviousHash} does not match the preceding event's hash {previousHash}");
        }

        var computed = HashChain.Compute(e, e.PreviousHash);
        return string.Equals(computed, e.Hash, StringComparison.Ordinal)
            ? null
            : Break(e, ChainBreakKind.HashMismatch, $"stored hash {e.Hash} but the content hashes to {computed}");
    }

    private static ChainBreak Break(StoredEvent e, ChainBreakKind kind, string detail) => new(e.Position, e.Stream, e.EventId, kind, detail);
}
