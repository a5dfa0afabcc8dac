using Compliance.Application.Store;

namespace Compliance.Adapters.Sqlite.Events;

internal sealed partial class LedgerWriter
{
    /// <summary>
    /// Inserts already-recorded events in one IMMEDIATE transaction, each checked against the chain as stored so far:
    /// its position follows the head, its previous hash is the head's hash, its revision follows its stream's, and the
    /// hash recomputed from its content is the one given. Any failure rolls the whole batch back.
    /// </summary>
    public void Import(IReadOnlyList<StoredEvent> events)
    {
        using var tx = _connection.BeginTransaction(deferred: false);
        Bind(tx);
        var (position, previousHash) = Head();
        var revisions = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (e.Position != position + 1)
                throw new LedgerImportException(0, $"event {e.EventId} has position {e.Position} but the store's next position is {position + 1}");
            if (!string.Equals(e.PreviousHash, previousHash, StringComparison.Ordinal))
                throw new LedgerImportException(0, $"event {e.EventId} has previous hash {e.PreviousHash} but the store's head hash is {previousHash}");
            if (!revisions.TryGetValue(e.Stream, out var last)) last = StreamRevision(e.Stream) ?? -1;
            if (e.Revision != last + 1)
                throw new LedgerImportException(0, $"event {e.EventId} has revision {e.Revision} in stream '{e.Stream}' but the stream's next revision is {last + 1}");
            var recordedAt = new DateTimeOffset(e.RecordedAt.UtcTicks, TimeSpan.Zero);
            var hash = HashChain.Compute(previousHash, e.EventId, e.Stream, e.Revision, e.Type, e.SchemaVersion, recordedAt,
                e.Actor, e.CorrelationId, e.CausationId, e.Json);
            if (!string.Equals(hash, e.Hash, StringComparison.Ordinal))
                throw new LedgerImportException(0, $"event {e.EventId} hashes to {hash}, not to the imported {e.Hash}");
            var toAppend = new EventToAppend(e.EventId, e.Type, e.SchemaVersion, e.Json, new EventMetadata(e.Actor, e.CorrelationId, e.CausationId));
            Insert(e.Position, toAppend, e.Stream, e.Revision, EventRows.FormatInstant(recordedAt), previousHash, hash);
            revisions[e.Stream] = e.Revision;
            position = e.Position;
            previousHash = hash;
        }

        tx.Commit();
    }
}
