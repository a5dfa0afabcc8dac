using Compliance.Application.Store;
using Microsoft.Data.Sqlite;

namespace Compliance.Adapters.Sqlite.Events;

/// <summary>
/// The single writer connection and its prepared statements. Not thread-safe: <see cref="SqliteEventStore"/> serialises
/// callers; other processes are serialised by SQLite's write lock (BEGIN IMMEDIATE waits for it).
/// </summary>
internal sealed partial class LedgerWriter : ILedgerTail, IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _selectByIds;
    private readonly SqliteCommand _selectStreamRevision;
    private readonly SqliteCommand _selectHead;
    private readonly SqliteCommand _insert;
    private readonly SqliteParameter[] _insertParameters;

    /// <summary>The events of one command share their correlation and causation ids: their text is made once.</summary>
    private (Guid Id, string Text) lastCorrelation = (Guid.Empty, EventRows.FormatId(Guid.Empty));
    private (Guid Id, string Text) lastCausation = (Guid.Empty, EventRows.FormatId(Guid.Empty));

    public LedgerWriter(string connectionString, SqliteSynchronous synchronous)
    {
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        using (var setup = _connection.CreateCommand())
        {
            // journal_mode=WAL is stored in the file; synchronous is per connection and only matters for the writer.
            // Event ids are random, so each batch dirties about one event_id index page per event; checkpointing every
            // 10,000 pages (about 40 MB of WAL) instead of 1,000 copies a page rewritten by many batches back once.
            setup.CommandText = synchronous == SqliteSynchronous.Full
                ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA wal_autocheckpoint=10000;"
                : "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=10000;";
            setup.ExecuteNonQuery();
            setup.CommandText = EventsSql.Schema;
            setup.ExecuteNonQuery();
        }

        _selectByIds = Command(EventsSql.SelectByIds, "$event_ids");
        _selectStreamRevision = Command(EventsSql.SelectStreamRevision, "$stream");
        _selectHead = Command(EventsSql.SelectHead);
        _insert = Command(EventsSql.Insert,
            "$position", "$event_id", "$stream", "$revision", "$type", "$schema_version", "$recorded_at",
            "$actor", "$correlation_id", "$causation_id", "$json", "$previous_hash", "$hash");
        _insertParameters = [.. _insert.Parameters.Cast<SqliteParameter>()];
    }

    public void Dispose()
    {
        _selectByIds.Dispose();
        _selectStreamRevision.Dispose();
        _selectHead.Dispose();
        selectLastRecordedAt?.Dispose();
        _insert.Dispose();
        _connection.Dispose();
    }

    public long? StreamRevision(string stream)
    {
        _selectStreamRevision.Parameters[0].Value = stream;
        return _selectStreamRevision.ExecuteScalar() is long revision ? revision : null;
    }

    public (long Position, string Hash) Head()
    {
        using var row = _selectHead.ExecuteReader();
        return row.Read() ? (row.GetInt64(0), row.GetString(1)) : (0, HashChain.Genesis);
    }

    private void Insert(StoredEvent e, string recordedAt)
    {
        var p = _insertParameters;
        p[0].Value = e.Position;
        p[1].Value = EventRows.FormatId(e.EventId);
        p[2].Value = e.Stream;
        p[3].Value = e.Revision;
        p[4].Value = e.Type;
        p[5].Value = e.SchemaVersion;
        p[6].Value = recordedAt;
        p[7].Value = e.Actor;
        p[8].Value = Text(e.CorrelationId, ref lastCorrelation);
        p[9].Value = Text(e.CausationId, ref lastCausation);
        p[10].Value = e.Json;
        p[11].Value = e.PreviousHash;
        p[12].Value = e.Hash;
        _insert.ExecuteNonQuery();
    }

    private static string Text(Guid id, ref (Guid Id, string Text) last)
    {
        if (id != last.Id)
        {
            last = (id, EventRows.FormatId(id));
        }

        return last.Text;
    }

    private void Bind(SqliteTransaction tx)
    {
        _selectByIds.Transaction = tx;
        _selectStreamRevision.Transaction = tx;
        _selectHead.Transaction = tx;
        _insert.Transaction = tx;
    }

    private SqliteCommand Command(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }
}
