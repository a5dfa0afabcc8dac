namespace Compliance.Adapters.Sqlite.Events;

/// <summary>The ledger's schema and every statement the store runs; all values go through parameters.</summary>
internal static class EventsSql
{
    /// <summary>
    /// One table in global order. position is the rowid (from 1, assigned inside the write transaction, so a committed
    /// read never sees a gap); triggers make the table append-only for anyone going through SQLite's normal path
    /// (someone with the file can still drop them: the hash chain is what detects that).
    /// </summary>
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS events (
            position       INTEGER PRIMARY KEY,
            event_id       TEXT    NOT NULL UNIQUE,
            stream         TEXT    NOT NULL,
            revision       INTEGER NOT NULL,
            type           TEXT    NOT NULL,
            schema_version INTEGER NOT NULL,
            recorded_at    TEXT    NOT NULL,
            actor          TEXT    NOT NULL,
            correlation_id TEXT    NOT NULL,
            causation_id   TEXT    NOT NULL,
            json           TEXT    NOT NULL,
            previous_hash  TEXT    NOT NULL,
            hash           TEXT    NOT NULL,
            UNIQUE (stream, revision)
        );
        CREATE TRIGGER IF NOT EXISTS events_are_not_updated BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'the event ledger is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS events_are_not_deleted BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'the event ledger is append-only'); END;
        """;

    public const string Columns =
        "position, event_id, stream, revision, type, schema_version, recorded_at, actor, correlation_id, causation_id, json, previous_hash, hash";

    public const string Insert = """
        INSERT INTO events (position, event_id, stream, revision, type, schema_version, recorded_at, actor, correlation_id, causation_id, json, previous_hash, hash)
        VALUES ($position, $event_id, $stream, $revision, $type, $schema_version, $recorded_at, $actor, $correlation_id, $causation_id, $json, $previous_hash, $hash)
        """;

    /// <summary>The stored events among a batch's ids, given as one JSON array parameter (one statement per batch).</summary>
    public const string SelectByIds =
        "SELECT event_id, position, stream, revision, type, json, causation_id FROM events WHERE event_id IN (SELECT value FROM json_each($event_ids))";

    public const string SelectStreamRevision = "SELECT MAX(revision) FROM events WHERE stream = $stream";

    public const string SelectHead = "SELECT position, hash FROM events ORDER BY position DESC LIMIT 1";

    public const string ReadForwards = $"SELECT {Columns} FROM events WHERE stream = $stream AND revision >= $revision ORDER BY revision LIMIT $max";

    public const string ReadBackwards = $"SELECT {Columns} FROM events WHERE stream = $stream AND revision <= $revision ORDER BY revision DESC LIMIT $max";

    public const string ReadAll = $"SELECT {Columns} FROM events WHERE position >= $position ORDER BY position LIMIT $max";
}
