using Compliance.Application.Ports;
using Compliance.Application.Queries;
using Compliance.Application.Store;
using Compliance.Host.Serve;
using Compliance.Testing.Kubernetes;
using Compliance.Testing.RabbitMq;
using static Compliance.Adapters.Kubernetes.Tests.RecordedFleet;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Compliance.Adapters.Kubernetes.Tests;

/// <summary>
/// The watcher composed on its own, with no ledger in its host, publishing over a real RabbitMQ broker into
/// <c>compliance serve</c>, which records: its listing after a restart gets what vanished while it was stopped recorded
/// as gone, as when it runs inside serve.
/// </summary>
public sealed class BusOnlyWatcherTests : IDisposable
{
    private const string Cluster = "kind-bus";
    private readonly string data = Directory.CreateTempSubdirectory("compliance-bus-watcher-").FullName;
    private readonly string queue = $"observations-{Guid.NewGuid():N}";

    [Fact]
    public async Task a_watcher_without_the_ledger_restarted_gets_what_vanished_meanwhile_recorded_by_serve_over_the_bus()
    {
        await using var broker = await RabbitMqBroker.StartNewAsync();
        await using var api = await LocalKubernetesApi.StartAsync();
        TestCluster.Seed(api);
        var kubeconfig = api.WriteKubeconfig(Cluster);
        string[] args =
        [
            "--Compliance:Bus:Transport=RabbitMq", $"--Compliance:Bus:RabbitMq:Host={broker.Host}", $"--Compliance:Bus:RabbitMq:Port={broker.Port}",
            $"--Compliance:Bus:ObservationQueue={queue}", "--Compliance:Kubernetes:Enabled=false", "--Compliance:Catalog:RefreshEnabled=false",
        ];
        await using var serve = ServeApp.Build(args, new ServeOptions("http://127.0.0.1:0", data));
        await serve.StartAsync();
        await UntilAsync(async () => (await serve.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == "bus")).Status == HealthStatus.Healthy);
        var queries = serve.Services.GetRequiredService<FleetQueries>();

        // Each watcher in its own async flow: MassTransit keeps its log context in an AsyncLocal.
        await Task.Run(() => WatchUntilAsync(broker, kubeconfig, async () => await KubeletsAsync(queries, Cluster) == 3 && await OpenBudgetFindingAsync(queries, Cluster) is true));
        (await OpenBudgetFindingAsync(queries, Cluster)).ShouldBe(true, "the first run recorded the budget's finding");

        api.Delete(ApiResources.Nodes, null, "node-c").ShouldBeTrue();
        api.Delete(ApiResources.PodDisruptionBudgets, "shop", "checkout").ShouldBeTrue();
        await Task.Run(() => WatchUntilAsync(broker, kubeconfig, async () => await KubeletsAsync(queries, Cluster) == 2 && await OpenBudgetFindingAsync(queries, Cluster) is false));
        await serve.StopAsync();

        (await KubeletsAsync(queries, Cluster)).ShouldBe(2, "node-c no longer counts in EOL risk");
        (await OpenBudgetFindingAsync(queries, Cluster)).ShouldBe(false, "the budget's finding is resolved");
    }

    /// <summary>A host with only the watcher and a publisher onto the broker, run until <paramref name="done"/> holds (at most 40 s).</summary>
    private static async Task WatchUntilAsync(RabbitMqBroker broker, string kubeconfig, Func<Task<bool>> done)
    {
        var bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(broker.Host, (ushort)broker.Port, "/", h =>
        {
            h.Username(broker.Username);
            h.Password(broker.Password);
            h.PublisherConfirmation = true;
        }));
        using (var starting = new CancellationTokenSource(TimeSpan.FromSeconds(60))) await bus.StartAsync(starting.Token);
        try
        {
            var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Compliance:Kubernetes:KubeconfigPath"] = kubeconfig });
            builder.Services.AddSingleton<IObservationPublisher>(new BrokerPublisher(bus));
            builder.Services.AddComplianceKubernetes(builder.Configuration);
            using var watcher = builder.Build();
            watcher.Services.GetService<IEventReader>().ShouldBeNull("the watcher's process has no ledger");
            await watcher.StartAsync();
            await UntilAsync(done);
            await watcher.StopAsync();
        }
        finally
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await bus.StopAsync(stopping.Token);
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }

    /// <summary>Publishes each observation onto the broker under the watcher's message id, as any process without Compliance's bus adapter can.</summary>
    private sealed class BrokerPublisher(IBus bus) : IObservationPublisher
    {
        public Task PublishAsync<T>(T message, Guid messageId, CancellationToken ct) where T : class =>
            bus.Publish(message, c => c.MessageId = messageId, ct);
    }
}
