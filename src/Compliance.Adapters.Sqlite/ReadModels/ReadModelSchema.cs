namespace Compliance.Adapters.Sqlite.ReadModels;

/// <summary>The read-model tables. Instants are stored as UTC ticks so that range queries compare integers.</summary>
internal static class ReadModelSchema
{
    /// <summary>The shape of the tables below (PRAGMA user_version). A file of another shape is emptied and rebuilt from the ledger.</summary>
    public const long Version = 3;

    public const string ReadVersion = "PRAGMA user_version";

    public const string SetVersion = "PRAGMA user_version = 3";

    /// <summary>Every table, so that read models of an older shape can be dropped (the ledger rebuilds them).</summary>
    public const string DropAll = """
        DROP TABLE IF EXISTS checkpoint; DROP TABLE IF EXISTS clusters; DROP TABLE IF EXISTS components; DROP TABLE IF EXISTS patches;
        DROP TABLE IF EXISTS findings; DROP TABLE IF EXISTS exceptions; DROP TABLE IF EXISTS audit_log; DROP TABLE IF EXISTS catalog_facts;
        DROP TABLE IF EXISTS writer;
        """;

    public const string Create = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS checkpoint (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            position INTEGER NOT NULL,
            evaluated_at INTEGER NOT NULL,
            hash TEXT);
        CREATE TABLE IF NOT EXISTS clusters (
            cluster_id TEXT PRIMARY KEY,
            display_name TEXT NOT NULL,
            environment TEXT NOT NULL,
            owner_team TEXT NOT NULL,
            flavour TEXT NOT NULL,
            staging_cluster_id TEXT,
            policy_json TEXT NOT NULL,
            registered_at INTEGER NOT NULL,
            drain_estimate_seconds REAL NOT NULL);
        CREATE TABLE IF NOT EXISTS components (
            cluster_id TEXT NOT NULL,
            component_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            node TEXT NOT NULL,
            raw TEXT NOT NULL,
            product TEXT NOT NULL,
            cycle TEXT NOT NULL,
            version_key TEXT NOT NULL,
            normalized TEXT NOT NULL,
            flavour TEXT,
            unknown_reason TEXT,
            build TEXT,
            maintained_product TEXT,
            maintained_cycle TEXT,
            maintained_reason TEXT,
            valid_from INTEGER NOT NULL,
            valid_to INTEGER,
            ev_stream TEXT NOT NULL,
            ev_revision INTEGER NOT NULL,
            ev_position INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS components_by_cluster ON components (cluster_id, valid_from);
        CREATE TABLE IF NOT EXISTS patches (
            cluster_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            product TEXT NOT NULL,
            cycle TEXT NOT NULL,
            patch TEXT NOT NULL,
            released_at INTEGER NOT NULL,
            day_only INTEGER NOT NULL,
            clock_from INTEGER NOT NULL,
            critical INTEGER NOT NULL,
            due_at INTEGER NOT NULL,
            applied_at INTEGER,
            ev_stream TEXT,
            ev_revision INTEGER,
            ev_position INTEGER);
        CREATE INDEX IF NOT EXISTS patches_by_cluster ON patches (cluster_id, released_at);
        CREATE TABLE IF NOT EXISTS findings (
            cluster_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            subject TEXT NOT NULL,
            detail TEXT NOT NULL,
            detected_at INTEGER NOT NULL,
            resolved_at INTEGER,
            evidence_json TEXT NOT NULL,
            owner TEXT NOT NULL,
            due_at INTEGER);
        CREATE INDEX IF NOT EXISTS findings_by_cluster ON findings (cluster_id, detected_at);
        CREATE TABLE IF NOT EXISTS exceptions (
            cluster_id TEXT NOT NULL,
            exception_id TEXT NOT NULL,
            subject TEXT NOT NULL,
            finding_json TEXT,
            component_json TEXT,
            reason TEXT NOT NULL,
            expires_on TEXT NOT NULL,
            requested_by TEXT NOT NULL,
            requested_at INTEGER NOT NULL,
            decided_by TEXT,
            decided_at INTEGER,
            approved INTEGER NOT NULL,
            decision_reason TEXT,
            lapsed_at INTEGER,
            lapse_reason TEXT,
            evidence_json TEXT NOT NULL,
            PRIMARY KEY (cluster_id, exception_id));
        CREATE TABLE IF NOT EXISTS audit_log (
            position INTEGER PRIMARY KEY,
            cluster_id TEXT NOT NULL,
            stream TEXT NOT NULL,
            revision INTEGER NOT NULL,
            recorded_at INTEGER NOT NULL,
            actor TEXT NOT NULL,
            text TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS catalog_facts (
            position INTEGER PRIMARY KEY,
            type TEXT NOT NULL,
            json TEXT NOT NULL,
            recorded_at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS audit_by_cluster ON audit_log (cluster_id, position);
        CREATE TABLE IF NOT EXISTS writer (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            token TEXT NOT NULL);
        """;

    /// <summary>
    /// The page cache of a connection that writes a catch-up's audit lines: each batch inserts into the audit index at
    /// one place per cluster, and with SQLite's default 2 MB those pages were read back from the file again and again.
    /// </summary>
    public const string WriterCache = "PRAGMA cache_size = -32768;";

    public const string Reset = """
        DELETE FROM clusters; DELETE FROM components; DELETE FROM patches; DELETE FROM findings; DELETE FROM exceptions; DELETE FROM audit_log; DELETE FROM catalog_facts;
        DELETE FROM checkpoint; DELETE FROM writer;
        """;

    /// <summary>Every row in a fixed order; the checkpoint's evaluation time is left out so that two rebuilds compare equal.</summary>
    public static readonly string[] DigestQueries =
    [
        "SELECT * FROM clusters ORDER BY cluster_id",
        "SELECT * FROM components ORDER BY cluster_id, component_id, valid_from",
        "SELECT * FROM patches ORDER BY cluster_id, kind, product, patch",
        "SELECT * FROM findings ORDER BY cluster_id, kind, subject, detected_at",
        "SELECT * FROM exceptions ORDER BY cluster_id, exception_id",
        "SELECT * FROM audit_log ORDER BY position",
        "SELECT * FROM catalog_facts ORDER BY position",
        "SELECT position FROM checkpoint",
    ];
}
