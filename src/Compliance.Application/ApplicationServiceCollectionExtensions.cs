using Compliance.Application.Catalog;
using Compliance.Application.Handling;
using Compliance.Application.Queries;
using Compliance.Application.ReadModels;
using Compliance.Application.Store;
using Compliance.Application.UseCases;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static class ApplicationServiceCollectionExtensions
{
    /// <summary>
    /// The use-case layer every caller shares: the command handler, the command and query services, their validators,
    /// the fleet queries and the shipped catalog. Expects the store adapters to register the event store
    /// (<see cref="IEventStore"/>), the read-model store and the idempotency store.
    /// </summary>
    public static IServiceCollection AddComplianceApplication(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(CatalogSnapshot.Embedded);
        services.AddValidatorsFromAssemblyContaining<CommandService>(ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddSingleton(s => new CommandHandler(s.GetRequiredService<IEventStore>()));
        services.AddSingleton(s => new FleetQueries(s.GetRequiredService<IReadModelStore>(), s.GetRequiredService<CatalogSnapshot>().Catalog));
        services.AddSingleton<CommandPipeline>();
        services.AddSingleton<StagingClusterRule>();
        services.AddSingleton(s => new CommandService(s.GetRequiredService<CommandPipeline>(), s.GetRequiredService<StagingClusterRule>(),
            s.GetRequiredService<FleetQueries>(), s.GetRequiredService<TimeProvider>()));
        services.AddSingleton<QueryService>();
        services.AddSingleton<VersionCheck>();
        return services;
    }
}
