using Compliance.Adapters.EventStoreDb;

namespace Compliance.Host.Composition;

/// <summary>Which event store holds the ledger, for `compliance serve` and every CLI command alike (section Compliance:Store).</summary>
public sealed class StoreOptions
{
    public const string Section = "Compliance:Store";
    public const string KindSqlite = "Sqlite";
    public const string KindEventStoreDb = "EventStoreDb";

    /// <summary>Sqlite (the data directory's ledger.db, the default) or EventStoreDb.</summary>
    public string Kind { get; set; } = KindSqlite;

    public EventStoreDbStoreOptions EventStoreDb { get; set; } = new();

    public bool UsesEventStoreDb => string.Equals(Kind, KindEventStoreDb, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Compliance:Store:EventStoreDb.</summary>
public sealed class EventStoreDbStoreOptions
{
    /// <summary>
    /// EventStoreDB's own form: esdb://[user:password@]host:2113[?tls=false], several hosts (esdb://h1:2113,h2:2113,h3:2113)
    /// or esdb+discover://host:2113 for a cluster.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The one stream that holds the ledger; every writer of one ledger names the same stream, and nothing else writes to it.</summary>
    public string LedgerStream { get; set; } = EventStoreDbEventStore.DefaultLedgerStream;
}
