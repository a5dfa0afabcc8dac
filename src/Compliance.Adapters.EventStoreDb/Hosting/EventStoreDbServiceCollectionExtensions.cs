using Compliance.Adapters.EventStoreDb;
using Compliance.Adapters.EventStoreDb.Hosting;
using Compliance.Application.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class EventStoreDbServiceCollectionExtensions
{
    /// <summary>
    /// Honours Compliance:Store (validated at start): with Kind EventStoreDb the event store port (IEventStore,
    /// IEventReader, IEventWriter) is replaced by the EventStoreDB adapter and its health check (tagged "ready") is added;
    /// with Sqlite (the default) the registrations made before stay. Call after the core services. Projection checkpoints
    /// stay in the read-model store either way.
    /// </summary>
    public static IServiceCollection AddComplianceStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<IValidateOptions<StoreOptions>, StoreOptionsValidation>();
        services.AddOptions<StoreOptions>().Bind(configuration.GetSection(StoreOptions.Section)).ValidateOnStart();
        var options = configuration.GetSection(StoreOptions.Section).Get<StoreOptions>() ?? new StoreOptions();
        if (!options.UsesEventStoreDb) return services;

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(s =>
        {
            var bound = s.GetRequiredService<IOptions<StoreOptions>>().Value;
            return new EventStoreDbEventStore(EsdbConnectionString.Parse(bound.EventStoreDb.ConnectionString), bound.EventStoreDb.LedgerStream,
                s.GetRequiredService<TimeProvider>());
        });
        services.Replace(ServiceDescriptor.Singleton<IEventStore>(s => s.GetRequiredService<EventStoreDbEventStore>()));
        services.Replace(ServiceDescriptor.Singleton<IEventReader>(s => s.GetRequiredService<EventStoreDbEventStore>()));
        services.Replace(ServiceDescriptor.Singleton<IEventWriter>(s => s.GetRequiredService<EventStoreDbEventStore>()));
        services.AddHealthChecks().AddCheck<EventStoreDbHealthCheck>("eventstoredb", tags: ["ready"]);
        return services;
    }
}
