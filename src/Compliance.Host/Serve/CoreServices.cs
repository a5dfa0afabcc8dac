using Compliance.Adapters.Sqlite.Events;
using Compliance.Adapters.Sqlite.ReadModels;
using Compliance.Application.Catalog;
using Compliance.Application.Handling;
using Compliance.Application.Queries;
using Compliance.Application.ReadModels;
using Compliance.Application.Store;
using Compliance.Host.Cli;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Compliance.Host.Serve;

/// <summary>The embedded ledger and read models of the data directory, the command handler, the queries, the projection worker and health checks.</summary>
internal static class CoreServices
{
    public static IServiceCollection AddComplianceCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => ServeConfiguration.DataDirectory(configuration));
        services.AddSingleton(s => s.GetRequiredService<DataDirectory>().OpenLedger(s.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IEventStore>(s => s.GetRequiredService<SqliteEventStore>());
        services.AddSingleton<IEventReader>(s => s.GetRequiredService<SqliteEventStore>());
        services.AddSingleton<IEventWriter>(s => s.GetRequiredService<SqliteEventStore>());
        services.AddSingleton<IReadModelStore>(s => s.GetRequiredService<DataDirectory>().OpenReadModels());
        services.AddSingleton(CatalogSnapshot.Embedded);
        services.AddSingleton(s => new CommandHandler(s.GetRequiredService<IEventStore>()));
        services.AddSingleton(s => new FleetQueries(s.GetRequiredService<IReadModelStore>(), CatalogSnapshot.Embedded.Catalog));
        services.AddSingleton<LagProbe>();
        services.AddSingleton<ProjectionWorker>();
        services.AddHostedService(s => s.GetRequiredService<ProjectionWorker>());
        services.AddHostedService<LagMetrics>();
        services.AddHealthChecks().AddCheck<ProjectionHealthCheck>("store-and-projections", tags: ["ready"]);
        return services;
    }
}
