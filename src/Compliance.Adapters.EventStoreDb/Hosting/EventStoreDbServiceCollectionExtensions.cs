using Compliance.Adapters.EventStoreDb;
using Compliance.Adapters.EventStoreDb.Hosting;
using Compliance.Application.Store;

namespace Microsoft.Extensions.DependencyInjection;

public static class EventStoreDbServiceCollectionExtensions
{
    /// <summary>
    /// The ledger on EventStoreDB as the event store port, with its health check (tagged "ready"). The connection string
    /// is EventStoreDB's own form (checked with <see cref="EsdbConnectionString.Parse"/> before this is called);
    /// <paramref name="ledgerStream"/> is the one EventStoreDB stream that holds the ledger.
    /// </summary>
    public static IServiceCollection AddEventStoreDbLedger(this IServiceCollection services, string connectionString, string ledgerStream)
    {
        var settings = EsdbConnectionString.Parse(connectionString);
        services.AddSingleton(s => new EventStoreDbEventStore(settings, ledgerStream, s.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IEventStore>(s => s.GetRequiredService<EventStoreDbEventStore>());
        services.AddSingleton<IEventReader>(s => s.GetRequiredService<EventStoreDbEventStore>());
        services.AddSingleton<IEventWriter>(s => s.GetRequiredService<EventStoreDbEventStore>());
        services.AddSingleton<IEventImporter>(s => s.GetRequiredService<EventStoreDbEventStore>());
        services.AddHealthChecks().AddCheck<EventStoreDbHealthCheck>("eventstoredb", tags: ["ready"]);
        return services;
    }
}
