using Compliance.Adapters.Messaging.Bus;
using Compliance.Adapters.Messaging.Catalog;
using Compliance.Adapters.Messaging.Consumers;
using Compliance.Adapters.Messaging.Integration;
using Compliance.Application.Catalog;
using Compliance.Application.CatalogRefresh;
using Compliance.Application.Handling;
using Compliance.Application.Integration;
using Compliance.Application.Ports;
using Compliance.Application.Queries;
using Compliance.Application.Store;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// The bus on <paramref name="transport"/> (the host chooses it; its settings are section <c>Compliance:Bus</c>), the observation consumers,
    /// the observation and integration publishers, the integration gateway and the catalog watcher (section
    /// <c>Compliance:Catalog</c>), with health checks "bus" and "catalog" tagged "ready". Expects the host to register
    /// the command handler, the event store (<see cref="IEventReader"/> or <see cref="IEventStore"/>) and <see cref="FleetQueries"/>.
    /// </summary>
    public static IServiceCollection AddComplianceMessaging(this IServiceCollection services, IConfiguration configuration, BusTransport transport)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<BusOptions>().Bind(configuration.GetSection(BusOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BusOptions>, BusOptionsValidation>();
        services.AddOptions<CatalogRefreshOptions>().Bind(configuration.GetSection(CatalogRefreshOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CatalogRefreshOptions>, CatalogRefreshOptionsValidation>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddMassTransit(x =>
        {
            foreach (var consumer in ObservationEndpoint.Consumers) x.AddConsumer(consumer);
            x.ConfigureHealthCheckOptions(h =>
            {
                h.Name = "bus";
                h.MinimalFailureStatus = HealthStatus.Unhealthy;
                h.Tags.Add("ready");
            });
            if (transport == BusTransport.RabbitMq) x.UsingRabbitMq((context, cfg) => RabbitMqBus.Configure(context, cfg, Bound(context)));
            else x.UsingInMemory((context, cfg) =>
                cfg.ReceiveEndpoint(Bound(context).ObservationQueue, e => ObservationEndpoint.Configure(context, e, Bound(context))));
        });
        // MassTransit reports the host (OS, time zone) and endpoint names to its vendor unless told not to: off unless
        // Compliance:Bus:UsageTelemetry opts in (MassTransit's own MASSTRANSIT_USAGE_TELEMETRY variable still wins).
        services.AddOptions<UsageTelemetryOptions>().Configure<IOptions<BusOptions>>((telemetry, bus) => telemetry.Enabled = bus.Value.UsageTelemetry);

        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<BusOptions>>().Value;
            return new IngestBatcher(sp.GetRequiredService<CommandHandler>(), options.IngestBatchSize, options.IngestWindow,
                sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<ObservationRecorder>();
        services.AddSingleton<BusPublisher>();
        services.AddSingleton<IObservationPublisher>(sp => sp.GetRequiredService<BusPublisher>());
        services.AddSingleton<IIntegrationEventPublisher>(sp => sp.GetRequiredService<BusPublisher>());

        services.AddSingleton<IPublishedStateStore>(sp => new PublishedStateFile(PublishedStatePath(sp.GetRequiredService<IOptions<BusOptions>>().Value, configuration)));
        services.AddSingleton(sp => new IntegrationGateway(
            sp.GetRequiredService<FleetQueries>(), Reader(sp), sp.GetRequiredService<IIntegrationEventPublisher>(),
            sp.GetRequiredService<IPublishedStateStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<IntegrationGatewayService>();

        services.AddSingleton<CatalogStatus>();
        services.AddSingleton(sp => CatalogWatcher.Create(sp));
        services.AddHostedService<CatalogRefreshService>();
        services.AddHealthChecks().AddCheck<CatalogHealthCheck>("catalog", tags: ["ready"]);
        return services;
    }

    private static BusOptions Bound(IBusRegistrationContext context) => context.GetRequiredService<IOptions<BusOptions>>().Value;

    private static IEventReader Reader(IServiceProvider sp) => sp.GetService<IEventReader>() ?? sp.GetRequiredService<IEventStore>();

    private static string PublishedStatePath(BusOptions options, IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(options.PublishedStatePath)) return options.PublishedStatePath;
        var data = configuration["Compliance:Data"];
        if (string.IsNullOrWhiteSpace(data)) data = Environment.GetEnvironmentVariable("COMPLIANCE_DATA");
        if (string.IsNullOrWhiteSpace(data))
            data = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "compliance");
        return Path.Combine(data, "integration-published.json");
    }
}
