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
    /// <summary>EventStoreDB's own form: esdb://[user:password@]host:2113[?tls=false].</summary>
    public string? ConnectionString { get; set; }
}
