using Compliance.Adapters.Sqlite.Events;
using Compliance.Adapters.Sqlite.Idempotency;
using Compliance.Adapters.Sqlite.ReadModels;
using Compliance.Application.Ports;
using Compliance.Application.ReadModels;
using Compliance.Application.Store;

namespace Microsoft.Extensions.DependencyInjection;

public static class SqliteServiceCollectionExtensions
{
    /// <summary>The embedded ledger: one SQLite file (WAL, synchronous FULL) as the event store port.</summary>
    public static IServiceCollection AddSqliteLedger(this IServiceCollection services, string ledgerFile)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ledgerFile);
        services.AddSingleton(s => new SqliteEventStore(ledgerFile, s.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IEventStore>(s => s.GetRequiredService<SqliteEventStore>());
        services.AddSingleton<IEventReader>(s => s.GetRequiredService<SqliteEventStore>());
        services.AddSingleton<IEventWriter>(s => s.GetRequiredService<SqliteEventStore>());
        services.AddSingleton<IEventImporter>(s => s.GetRequiredService<SqliteEventStore>());
        return services;
    }

    /// <summary>The read models and the command answers kept for retries, each a SQLite file (whichever store holds the ledger).</summary>
    public static IServiceCollection AddSqliteReadModels(this IServiceCollection services, string readModelsFile, string idempotencyFile)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(readModelsFile);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyFile);
        services.AddSingleton(_ => new SqliteReadModelStore(readModelsFile));
        services.AddSingleton<IReadModelStore>(s => s.GetRequiredService<SqliteReadModelStore>());
        services.AddSingleton<IIdempotencyStore>(_ => new SqliteIdempotencyStore(idempotencyFile));
        return services;
    }
}
