using Compliance.Application.ReadModels;

namespace Compliance.Application.Store;

/// <summary>
/// Whether the ledger is still the one the read models were projected from: it must reach their checkpoint, and its
/// event there must have the hash they recorded. A ledger ahead of the read models is ordinary catch-up lag, not
/// disagreement; one that ends before their checkpoint lost events, one with another hash there was rewritten.
/// </summary>
public static class LedgerAgreement
{
    /// <summary>Null when they agree, else the disagreement in one sentence.</summary>
    public static async Task<string?> CheckAsync(IEventReader ledger, IReadModelStore readModels, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(readModels);
        // The read models first: they only follow the ledger, so a head read after them is never behind them by a race.
        var checkpoint = await readModels.ReadCheckpointHeadAsync(ct).ConfigureAwait(false);
        if (checkpoint.Position <= 0) return null;
        var (head, _) = await ledger.ReadHeadAsync(ct).ConfigureAwait(false);
        if (head < checkpoint.Position) return Shorter(checkpoint, head);
        if (checkpoint.Hash is not { } recorded) return null;
        await foreach (var e in ledger.ReadAllAsync(checkpoint.Position, 1, ct).ConfigureAwait(false))
        {
            if (e.Position != checkpoint.Position) return Shorter(checkpoint, e.Position - 1);
            return string.Equals(e.Hash, recorded, StringComparison.Ordinal) ? null : Rewritten(checkpoint, e.Hash);
        }

        return Shorter(checkpoint, head);
    }

    /// <exception cref="LedgerIntegrityException">the ledger and the read models disagree.</exception>
    public static async Task ThrowIfDisagreeAsync(IEventReader ledger, IReadModelStore readModels, CancellationToken ct)
    {
        if (await CheckAsync(ledger, readModels, ct).ConfigureAwait(false) is { } problem) throw new LedgerIntegrityException(problem);
    }

    public static string Shorter(ReadModelCheckpoint checkpoint, long head)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return $"the ledger ends at position {head} but the read models were projected up to position {checkpoint.Position}: events were removed from the ledger or it was replaced (restore it, or accept it with 'compliance projections rebuild --force')";
    }

    public static string Rewritten(ReadModelCheckpoint checkpoint, string hash)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return $"the ledger's event at position {checkpoint.Position} has hash {hash} but the read models were projected from hash {checkpoint.Hash}: the ledger was rewritten up to there (restore it, or accept it with 'compliance projections rebuild --force')";
    }
}
