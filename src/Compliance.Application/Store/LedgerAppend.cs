namespace Compliance.Application.Store;

/// <summary>What a store tells the append core about its ledger as it stands inside the store's atomic scope.</summary>
public interface ILedgerTail
{
    /// <summary>The stream's last revision; null when the stream has no events.</summary>
    long? StreamRevision(string stream);

    /// <summary>The last event's position and hash; (0, genesis) for an empty ledger.</summary>
    (long Position, string Hash) Head();

    /// <summary>The last event's recorded-at; null for an empty ledger.</summary>
    DateTimeOffset? HeadRecordedAt();
}

/// <summary>An event already in the ledger, as much of it as judging a re-sent id needs (the causation id names its source).</summary>
public sealed record StoredIdentity(long Position, string Stream, long Revision, string Type, string Json, Guid CausationId);

/// <summary>
/// What an append decided: a result per stream in the order given, and the events to store, in chain order with their
/// positions, revisions and hashes. The store writes <see cref="Written"/> all or nothing; empty means nothing is new.
/// </summary>
public sealed record LedgerAppendPlan(IReadOnlyList<AppendResult> Results, IReadOnlyList<StoredEvent> Written);

/// <summary>
/// The append algorithm every store runs, written once: each store supplies only its I/O (the stored events among the
/// call's ids and a <see cref="ILedgerTail"/> read where its write is atomic) and writes the plan's events atomically.
/// </summary>
public static class LedgerAppend
{
    /// <summary>
    /// Per stream, in the order given: when every id of its batch is stored with the same stream, type and payload, the
    /// original result stands and nothing is written for it; any other overlap is a conflict. Otherwise its expected
    /// revision must hold. Only when every stream passes are the new events laid out, in the order given, as one run of
    /// consecutive positions extending the hash chain from the head.
    /// </summary>
    /// <param name="stored">The ledger's events among every id of the call (ids not stored are absent).</param>
    /// <exception cref="EventIdConflictException">an id is stored with other content, or a batch is only partly stored.</exception>
    /// <exception cref="WrongExpectedRevisionException">a stream is not where its expected revision says.</exception>
    public static LedgerAppendPlan Plan(IReadOnlyList<StreamAppend> appends, IReadOnlyDictionary<Guid, StoredIdentity> stored, ILedgerTail tail,
        DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(appends);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(tail);
        var results = new AppendResult[appends.Count];
        var revisions = new long[appends.Count];
        var toWrite = 0;
        for (var i = 0; i < appends.Count; i++)
        {
            var append = appends[i];
            if (append.Events.Count > 0 && AlreadyStored(append, stored) is { } original)
            {
                results[i] = original;
                continue;
            }

            var actual = tail.StreamRevision(append.Stream);
            if (!append.Expected.IsMetBy(actual)) throw new WrongExpectedRevisionException(append.Stream, append.Expected, actual);
            revisions[i] = actual ?? -1;
            if (append.Events.Count == 0) results[i] = new AppendResult(revisions[i], []);
            toWrite += append.Events.Count;
        }

        if (toWrite == 0) return new LedgerAppendPlan(results, []);

        var written = new StoredEvent[toWrite];
        var n = 0;
        var (position, previousHash) = tail.Head();
        // A clock stepped back (or a writer whose clock is behind another's) takes the head's instant: recorded-at never
        // decreases along the chain, so verify can refuse an event that was not appended when it says.
        if (tail.HeadRecordedAt() is { } last && last > recordedAt) recordedAt = last;
        for (var i = 0; i < appends.Count; i++)
        {
            if (results[i] is not null) continue;
            var (stream, events) = (appends[i].Stream, appends[i].Events);
            var revision = revisions[i];
            var positions = new long[events.Count];
            for (var j = 0; j < events.Count; j++)
            {
                var e = events[j];
                var m = e.Metadata;
                position++;
                revision++;
                var hash = HashChain.Compute(previousHash, e.EventId, stream, revision, e.Type, e.SchemaVersion, recordedAt,
                    m.Actor, m.CorrelationId, m.CausationId, e.Json);
                written[n++] = new StoredEvent(e.EventId, stream, revision, position, e.Type, e.SchemaVersion, recordedAt,
                    m.Actor, m.CorrelationId, m.CausationId, e.Json, previousHash, hash);
                positions[j] = position;
                previousHash = hash;
            }

            results[i] = new AppendResult(revision, positions);
        }

        return new LedgerAppendPlan(results, written);
    }

    /// <summary>
    /// Checks that already-recorded events (an import) extend the ledger as <paramref name="tail"/> describes it, each in
    /// turn: its position follows the head, its previous hash is the head's hash, its revision follows its stream's, and
    /// its content hashes to the hash given.
    /// </summary>
    /// <exception cref="LedgerImportException">an event does not extend the chain (line 0: the caller names the line).</exception>
    public static void CheckImport(IReadOnlyList<StoredEvent> events, ILedgerTail tail)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(tail);
        var (position, previousHash) = tail.Head();
        var revisions = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (e.Position != position + 1)
                throw new LedgerImportException(0, $"event {e.EventId} has position {e.Position} but the store's next position is {position + 1}");
            if (!string.Equals(e.PreviousHash, previousHash, StringComparison.Ordinal))
                throw new LedgerImportException(0, $"event {e.EventId} has previous hash {e.PreviousHash} but the store's head hash is {previousHash}");
            if (!revisions.TryGetValue(e.Stream, out var last)) last = tail.StreamRevision(e.Stream) ?? -1;
            if (e.Revision != last + 1)
                throw new LedgerImportException(0, $"event {e.EventId} has revision {e.Revision} in stream '{e.Stream}' but the stream's next revision is {last + 1}");
            var hash = HashChain.Compute(e, e.PreviousHash);
            if (!string.Equals(hash, e.Hash, StringComparison.Ordinal))
                throw new LedgerImportException(0, $"event {e.EventId} hashes to {hash}, not to the imported {e.Hash}");
            revisions[e.Stream] = e.Revision;
            position = e.Position;
            previousHash = e.Hash;
        }
    }

    /// <summary>The original result when every id of the batch is stored with the same content; null when none is.</summary>
    private static AppendResult? AlreadyStored(StreamAppend append, IReadOnlyDictionary<Guid, StoredIdentity> stored)
    {
        if (stored.Count == 0) return null;
        var events = append.Events;
        var positions = new long[events.Count];
        (Guid Id, Guid CausationId)? firstStored = null;
        var missing = 0;
        long lastRevision = -1;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (!stored.TryGetValue(e.EventId, out var original))
            {
                missing++;
                continue;
            }

            if (original.Stream != append.Stream || original.Type != e.Type || original.Json != e.Json)
                throw new EventIdConflictException(e.EventId, append.Stream, original.CausationId);
            firstStored ??= (e.EventId, original.CausationId);
            positions[i] = original.Position;
            lastRevision = original.Revision;
        }

        return firstStored switch
        {
            null => null,
            // Some of the batch is stored, some not: retrying cannot make this batch whole.
            (var id, var causation) when missing > 0 => throw new EventIdConflictException(id, append.Stream, causation),
            _ => new AppendResult(lastRevision, positions),
        };
    }
}
