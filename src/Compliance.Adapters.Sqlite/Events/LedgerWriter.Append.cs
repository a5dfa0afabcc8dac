using System.Text.Json;
using Compliance.Application.Store;

namespace Compliance.Adapters.Sqlite.Events;

internal sealed partial class LedgerWriter
{
    /// <summary>Appends to one stream in one IMMEDIATE transaction; <c>Written</c> is false when nothing new was stored.</summary>
    public (AppendResult Result, bool Written) Append(string stream, ExpectedRevision expected, IReadOnlyList<EventToAppend> events, DateTimeOffset recordedAt)
    {
        var (results, written) = Append([new StreamAppend(stream, expected, events)], recordedAt);
        return (results[0], written);
    }

    /// <summary>
    /// Appends to every stream of <paramref name="appends"/> in one IMMEDIATE transaction (one commit, one fsync under
    /// synchronous=FULL): first every stream is checked (already stored, then expected revision), and only when all pass
    /// are the new events inserted, in the order given, as one run of positions and hashes. Any exception rolls back.
    /// <c>Written</c> is false when nothing new was stored.
    /// </summary>
    public (AppendResult[] Results, bool Written) Append(IReadOnlyList<StreamAppend> appends, DateTimeOffset recordedAt)
    {
        using var tx = _connection.BeginTransaction(deferred: false);
        Bind(tx);

        var stored = StoredAmong(appends);
        var results = new AppendResult?[appends.Count];
        var revisions = new long[appends.Count];
        for (var i = 0; i < appends.Count; i++)
        {
            var append = appends[i];
            if (append.Events.Count > 0 && AlreadyStored(append, stored) is { } original)
            {
                results[i] = original;
                continue;
            }

            var actual = StreamRevision(append.Stream);
            if (!append.Expected.IsMetBy(actual))
            {
                throw new WrongExpectedRevisionException(append.Stream, append.Expected, actual);
            }

            revisions[i] = actual ?? -1;
            if (append.Events.Count == 0)
            {
                results[i] = new AppendResult(revisions[i], []);
            }
        }

        var written = false;
        var recordedAtText = EventRows.FormatInstant(recordedAt);
        var (position, previousHash) = (0L, HashChain.Genesis);
        for (var i = 0; i < appends.Count; i++)
        {
            if (results[i] is not null)
            {
                continue;
            }

            if (!written)
            {
                (position, previousHash) = Head();
                (recordedAt, recordedAtText) = NotBeforeHead(recordedAt, recordedAtText);
                written = true;
            }

            var (stream, events) = (appends[i].Stream, appends[i].Events);
            var revision = revisions[i];
            var positions = new long[events.Count];
            for (var j = 0; j < events.Count; j++)
            {
                var e = events[j];
                position++;
                revision++;
                var m = e.Metadata;
                var hash = HashChain.Compute(previousHash, e.EventId, stream, revision, e.Type, e.SchemaVersion, recordedAt,
                    m.Actor, m.CorrelationId, m.CausationId, e.Json);
                Insert(position, e, stream, revision, recordedAtText, previousHash, hash);
                positions[j] = position;
                previousHash = hash;
            }

            results[i] = new AppendResult(revision, positions);
        }

        if (written)
        {
            tx.Commit();
        }

        return ([.. results.Select(r => r!)], written);
    }

    /// <summary>The stored rows among every id of the call, in one statement (the ids go as one JSON array parameter).</summary>
    private Dictionary<Guid, StoredRow> StoredAmong(IReadOnlyList<StreamAppend> appends)
    {
        var stored = new Dictionary<Guid, StoredRow>();
        var ids = appends.SelectMany(a => a.Events).Select(e => EventRows.FormatId(e.EventId)).ToList();
        if (ids.Count == 0)
        {
            return stored;
        }

        _selectByIds.Parameters[0].Value = JsonSerializer.Serialize(ids);
        using var row = _selectByIds.ExecuteReader();
        while (row.Read())
        {
            stored[Guid.ParseExact(row.GetString(0), "D")] = new StoredRow(row.GetInt64(1), row.GetString(2), row.GetInt64(3), row.GetString(4), row.GetString(5));
        }

        return stored;
    }

    /// <summary>
    /// EventStoreDB's idempotence, per stream: when every id of the stream's batch is stored with the same stream, type
    /// and payload, the original result stands. Any other overlap (some ids stored, or one with other content) is a
    /// conflict and writes nothing.
    /// </summary>
    private static AppendResult? AlreadyStored(StreamAppend append, Dictionary<Guid, StoredRow> stored)
    {
        if (stored.Count == 0)
        {
            return null;
        }

        var events = append.Events;
        var positions = new long[events.Count];
        Guid? firstStored = null;
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
            {
                throw new EventIdConflictException(e.EventId, append.Stream);
            }

            firstStored ??= e.EventId;
            positions[i] = original.Position;
            lastRevision = original.Revision;
        }

        return firstStored switch
        {
            null => null,
            // Some of the batch is stored, some not: retrying cannot make this batch whole.
            { } id when missing > 0 => throw new EventIdConflictException(id, append.Stream),
            _ => new AppendResult(lastRevision, positions),
        };
    }

    private sealed record StoredRow(long Position, string Stream, long Revision, string Type, string Json);
}
