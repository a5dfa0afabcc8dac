using System.Security.Cryptography;
using System.Text;
using Compliance.Application.Handling;
using Compliance.Application.ReadModels;
using Compliance.Application.Serialization;
using Compliance.Application.Store;
using Compliance.Domain.Commands;
using Compliance.Domain.Deciders;
using Compliance.Domain.Events;

namespace Compliance.Application.Checkpoints;

/// <summary>A checkpoint recorded in the ledger, with when it was recorded.</summary>
public sealed record RecordedCheckpoint(SignedCheckpoint Checkpoint, DateTimeOffset RecordedAt);

/// <summary>
/// Signs and records checkpoints of the ledger (stream <c>ledger-checkpoints</c>). Before signing a new head it checks
/// that the ledger still extends the latest checkpoint recorded, that every event since verifies (chain rules and
/// readable types) and, given the read models, that they agree with the ledger: the key never signs a history that
/// contradicts what it signed before.
/// </summary>
public sealed class LedgerCheckpoints(IEventReader ledger, CommandHandler handler, CheckpointKeySource keys, TimeProvider time, IReadModelStore? readModels = null)
{
    private const int Page = 1_000;

    public CheckpointKeySource Keys => keys;

    /// <summary>Signs without recording anything (a report signs its as-of head while it is rendered).</summary>
    public SignedCheckpoint Sign(long position, string hash, DateTimeOffset recordedAt) => keys.Key.Sign(position, hash, recordedAt);

    /// <summary>Records <paramref name="checkpoint"/>; false when its position was already recorded with the same hash.</summary>
    /// <exception cref="LedgerIntegrityException">the position was recorded with another hash: the ledger was rewritten after it was signed.</exception>
    public async Task<bool> RecordAsync(SignedCheckpoint checkpoint, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        // The event id derives from what is signed: recording the same checkpoint twice records it once.
        var source = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"{checkpoint.Position}|{checkpoint.Hash}")).AsSpan(0, 16));
        var outcome = await handler.HandleAsync(new RecordLedgerCheckpoint(checkpoint.ToEvent(), actor, time.GetUtcNow()), EventIds.Derive(source, 0), ct);
        return outcome.Rejection is { } reason ? throw new LedgerIntegrityException($"the checkpoint was refused: {reason}") : outcome.Changed;
    }

    /// <summary>Every checkpoint recorded, in the order recorded.</summary>
    public async Task<List<RecordedCheckpoint>> RecordedAsync(CancellationToken ct)
    {
        var all = new List<RecordedCheckpoint>();
        await foreach (var e in ledger.ReadStreamAsync(Streams.Checkpoints, Direction.Forwards, 0, int.MaxValue, ct))
        {
            if (EventSerializer.Default.FromStored(e) is LedgerCheckpointed c) all.Add(new RecordedCheckpoint(SignedCheckpoint.Of(c), e.RecordedAt));
        }

        return all;
    }

    /// <summary>The recorded checkpoint of the highest position, or null.</summary>
    public async Task<RecordedCheckpoint?> LatestAsync(CancellationToken ct) => (await RecordedAsync(ct)).MaxBy(c => c.Checkpoint.Position);

    /// <summary>
    /// Signs and records the head when <paramref name="everyEvents"/> events were appended since the latest checkpoint,
    /// or <paramref name="every"/> has passed since it was recorded (since <paramref name="started"/> when there is
    /// none yet) and something was appended; null when not due.
    /// </summary>
    public async Task<SignedCheckpoint?> TakeIfDueAsync(int everyEvents, TimeSpan every, DateTimeOffset started, string actor, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return await TakeAsync((latest, head) => head - (latest?.Checkpoint.Position ?? 0) >= everyEvents || now - (latest?.RecordedAt ?? started) >= every, actor, ct);
    }

    /// <summary>The checkpoint of the head now: the latest recorded one when nothing came after it but its own record, else a new one.</summary>
    public async Task<SignedCheckpoint?> TakeAsync(string actor, CancellationToken ct) =>
        await TakeAsync((_, _) => true, actor, ct) ?? (await LatestAsync(ct))?.Checkpoint;

    private async Task<SignedCheckpoint?> TakeAsync(Func<RecordedCheckpoint?, long, bool> due, string actor, CancellationToken ct)
    {
        if (readModels is not null) await LedgerAgreement.ThrowIfDisagreeAsync(ledger, readModels, ct);
        var (head, _) = await ledger.ReadHeadAsync(ct);
        if (head == 0) return null;
        var latest = await LatestAsync(ct);
        // Nothing beyond the latest checkpoint but the event that recorded it.
        if (latest is not null && head <= latest.Checkpoint.Position + 1) return null;
        if (!due(latest, head)) return null;
        var rules = await VerifySinceAsync(latest?.Checkpoint, head, ct);
        var checkpoint = Sign(rules.HeadPosition, rules.HeadHash, rules.HeadRecordedAt!.Value);
        await RecordAsync(checkpoint, actor, ct);
        return checkpoint;
    }

    /// <summary>The chain verified from <paramref name="from"/> (or from the start) through <paramref name="head"/>.</summary>
    private async Task<ChainRules> VerifySinceAsync(SignedCheckpoint? from, long head, CancellationToken ct)
    {
        var rules = new ChainRules(EventSerializer.Default);
        if (from is not null)
        {
            StoredEvent? at = null;
            await foreach (var e in ledger.ReadAllAsync(from.Position, 1, ct)) at = e;
            if (at is null || at.Position != from.Position || !string.Equals(at.Hash, from.Hash, StringComparison.Ordinal))
                throw new LedgerIntegrityException($"the ledger no longer extends its own checkpoint at position {from.Position} (hash {from.Hash}); nothing was signed (run 'compliance verify')");
            rules = ChainRules.After(at.Position, at.Hash, at.RecordedAt, EventSerializer.Default);
        }

        while (rules.HeadPosition < head)
        {
            var before = rules.HeadPosition;
            await foreach (var e in ledger.ReadAllAsync(before + 1, (int)Math.Min(Page, head - before), ct))
            {
                if (rules.Check(e) is { } b)
                    throw new LedgerIntegrityException($"the ledger does not verify at position {b.Position} (stream {b.Stream}): {b.Kind} ({b.Detail}); nothing was signed");
            }

            if (rules.HeadPosition == before) break;
        }

        return rules;
    }
}
