using Compliance.Adapters.Messaging.Bus;
using Compliance.Application.Handling;
using Compliance.Application.Integration;
using Compliance.Application.Ports;
using Compliance.Application.Queries;
using Compliance.Application.Store;
using Compliance.Testing.RabbitMq;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Adapters.Messaging.Tests;

/// <summary>
/// The messaging adapter as <c>compliance serve</c> composes it (AddComplianceMessaging over a real SQLite ledger),
/// on the in-memory transport or on a real broker; the bus is started, hosted services are not (tests drive them).
/// </summary>
internal sealed class BusHost : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    private BusHost(ServiceProvider provider, string queue)
    {
        this.provider = provider;
        Queue = queue;
    }

    public string Queue { get; }

    public IBusControl Bus => provider.GetRequiredService<IBusControl>();

    public IObservationPublisher Publisher => provider.GetRequiredService<IObservationPublisher>();

    public IntegrationGateway Gateway => provider.GetRequiredService<IntegrationGateway>();

    public T Get<T>() where T : notnull => provider.GetRequiredService<T>();

    public static Task<BusHost> InMemoryAsync(TestLedger ledger, IDictionary<string, string?>? settings = null) =>
        StartAsync(ledger, new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Compliance:Bus:Transport"] = "InMemory" });

    public static Task<BusHost> RabbitMqAsync(TestLedger ledger, RabbitMqBroker broker, IDictionary<string, string?>? settings = null) =>
        StartAsync(ledger, new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Compliance:Bus:Transport"] = "RabbitMq",
            ["Compliance:Bus:RabbitMq:Host"] = broker.Host,
            ["Compliance:Bus:RabbitMq:Port"] = broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Compliance:Bus:RabbitMq:Username"] = broker.Username,
            ["Compliance:Bus:RabbitMq:Password"] = broker.Password,
        });

    private static async Task<BusHost> StartAsync(TestLedger ledger, Dictionary<string, string?> settings)
    {
        var queue = settings.TryGetValue("Compliance:Bus:ObservationQueue", out var q) && q is not null ? q : $"observations-{Guid.NewGuid():N}";
        settings["Compliance:Bus:ObservationQueue"] = queue;
        settings.TryAdd("Compliance:Bus:PublishedStatePath", Path.Combine(ledger.Folder, "integration-published.json"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(ledger.Time);
        services.AddSingleton<IEventStore>(ledger.Store);
        services.AddSingleton(ledger.Handler);
        services.AddSingleton(ledger.Queries);
        services.AddComplianceMessaging(configuration, configuration.GetSection(BusOptions.Section).Get<BusOptions>()!.Transport);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        await provider.GetRequiredService<IBusControl>().StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        return new BusHost(provider, queue);
    }

    public async ValueTask DisposeAsync()
    {
        await Bus.StopAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        await provider.DisposeAsync();
    }
}
