using Compliance.Application.Ports;
using Compliance.Contracts.Observations;
using Compliance.Testing.Kubernetes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Compliance.Adapters.Kubernetes.Tests;

public sealed class RegistrationTests : IDisposable
{
    private readonly TestLedger ledger = new();
    private readonly ListLogger log = new();

    [Fact]
    public async Task every_configured_context_is_watched_under_its_cluster_id_and_logged()
    {
        await using var east = await LocalKubernetesApi.StartAsync();
        await using var west = await LocalKubernetesApi.StartAsync();
        TestCluster.Seed(east);
        TestCluster.Seed(west);
        west.SetVersion("v1.30.2-eks-1de2ab1");
        var kubeconfig = LocalKubernetesApi.WriteKubeconfig(Path.GetTempFileName(), [("east", east), ("west", west)]);
        var publisher = new LedgerPublisher(ledger.Handler, TimeProvider.System);
        using var host = Build(new()
        {
            ["Compliance:Kubernetes:KubeconfigPath"] = kubeconfig,
            ["Compliance:Kubernetes:Contexts:0"] = "east",
            ["Compliance:Kubernetes:Contexts:1"] = "west",
            ["Compliance:Kubernetes:ClusterIds:west"] = "prod-west",
        }, publisher);

        await host.StartAsync();
        for (var i = 0; i < 400 && publisher.Of<ControlPlaneVersionObserved>().Count < 2; i++) await Task.Delay(50);
        await host.StopAsync();

        publisher.Of<ControlPlaneVersionObserved>().Select(c => (c.ClusterId, c.GitVersion)).Order()
            .ShouldBe([("east", "v1.29.3"), ("prod-west", "v1.30.2-eks-1de2ab1")]);
        log.Said(LogLevel.Information, $"Watching Kubernetes cluster east (context east in {kubeconfig}) at {east.Url.ToString().TrimEnd('/')}").ShouldBeTrue();
        log.Said(LogLevel.Information, "Watching Kubernetes cluster prod-west (context west in").ShouldBeTrue();
        File.Delete(kubeconfig);
    }

    [Fact]
    public async Task disabled_it_logs_why_and_watches_nothing()
    {
        using var host = Build(new() { ["Compliance:Kubernetes:Enabled"] = "false" }, new LedgerPublisher(ledger.Handler, TimeProvider.System));
        await host.StartAsync();
        await LogLineAsync(LogLevel.Information, "Kubernetes watcher off: disabled by Compliance:Kubernetes:Enabled=false");
        await host.StopAsync();

        host.Services.GetRequiredService<KubernetesWatchRegistry>().Clusters.ShouldBeEmpty();
    }

    [Fact]
    public async Task without_the_ledger_in_its_process_it_publishes_its_listing_of_the_cluster_all_the_same()
    {
        await using var api = await LocalKubernetesApi.StartAsync();
        TestCluster.Seed(api);
        var bus = new CollectingPublisher();
        using var host = Build(new() { ["Compliance:Kubernetes:KubeconfigPath"] = api.WriteKubeconfig("bus-only") }, bus);
        await host.StartAsync();
        await LogLineAsync(LogLevel.Information, "Cluster bus-only listed completely: 3 nodes");
        await host.StopAsync();

        var listing = bus.Published.Select(p => p.Message).OfType<ClusterInventoryListed>().ShouldHaveSingleItem();
        listing.Nodes.ShouldBe(["node-a", "node-b", "node-c"]);
        listing.AddOnNamespaces.ShouldBe(KubernetesOptions.DefaultNamespaces.Order(StringComparer.Ordinal).ToList());
        listing.OpenDrainRisks.ShouldBe(bus.Published.Select(p => p.Message).OfType<DrainRiskFound>().Select(r => r.RiskId).Order(StringComparer.Ordinal).ToList());
        log.Said(LogLevel.Warning, "Restart reconciliation is off").ShouldBeFalse();
    }

    [Fact]
    public async Task a_context_missing_from_the_kubeconfig_is_named_in_the_log()
    {
        await using var api = await LocalKubernetesApi.StartAsync();
        var kubeconfig = api.WriteKubeconfig("only");
        using var host = Build(new()
        {
            ["Compliance:Kubernetes:KubeconfigPath"] = kubeconfig,
            ["Compliance:Kubernetes:Contexts:0"] = "missing",
        }, new LedgerPublisher(ledger.Handler, TimeProvider.System));
        await host.StartAsync();
        await LogLineAsync(LogLevel.Error, $"kubeconfig {kubeconfig} has no context missing");
        await host.StopAsync();
    }

    [Fact]
    public async Task a_missing_context_is_named_as_not_watched_in_readiness_and_does_not_stop_the_valid_one()
    {
        await using var api = await LocalKubernetesApi.StartAsync();
        TestCluster.Seed(api);
        var kubeconfig = api.WriteKubeconfig("good");
        var publisher = new LedgerPublisher(ledger.Handler, TimeProvider.System);
        using var host = Build(new()
        {
            ["Compliance:Kubernetes:KubeconfigPath"] = kubeconfig,
            ["Compliance:Kubernetes:Contexts:0"] = "missing",
            ["Compliance:Kubernetes:Contexts:1"] = "good",
        }, publisher);

        await host.StartAsync();
        for (var i = 0; i < 400 && publisher.Of<ControlPlaneVersionObserved>().Count == 0; i++) await Task.Delay(50);
        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == "kubernetes");
        await host.StopAsync();

        publisher.Of<ControlPlaneVersionObserved>().Select(c => c.ClusterId).Distinct().ShouldBe(["good"]);
        health.Status.ShouldBe(HealthStatus.Degraded);
        var check = health.Entries["kubernetes"];
        check.Description.ShouldBe("not watched: missing");
        var missing = check.Data["missing"].ShouldBeOfType<Dictionary<string, object?>>();
        missing["state"].ShouldBe("not watched");
        missing["lastError"].ShouldBe($"kubeconfig {kubeconfig} has no context missing");
        check.Data["good"].ShouldBeOfType<Dictionary<string, object?>>()["state"].ShouldNotBe("not watched");
        log.Said(LogLevel.Error, "Kubernetes cluster missing is not watched").ShouldBeTrue();
    }

    [Fact]
    public async Task a_kubeconfig_that_cannot_be_read_makes_readiness_degraded()
    {
        var kubeconfig = Path.GetTempFileName();
        await File.WriteAllTextAsync(kubeconfig, "clusters: [this is: not, a kubeconfig");
        using var host = Build(new()
        {
            ["Compliance:Kubernetes:KubeconfigPath"] = kubeconfig,
            ["Compliance:Kubernetes:Contexts:0"] = "prod",
        }, new LedgerPublisher(ledger.Handler, TimeProvider.System));

        await host.StartAsync();
        await LogLineAsync(LogLevel.Error, "Kubernetes watcher not started: cannot read the Kubernetes configuration");
        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == "kubernetes");
        await host.StopAsync();
        File.Delete(kubeconfig);

        health.Status.ShouldBe(HealthStatus.Degraded);
    }

    [Fact]
    public async Task bad_settings_stop_the_start_with_one_message_per_problem()
    {
        using var host = Build(new()
        {
            ["Compliance:Kubernetes:VersionPollInterval"] = "00:00:00",
            ["Compliance:Kubernetes:KubeconfigPath"] = "/nonexistent/kubeconfig",
        }, new LedgerPublisher(ledger.Handler, TimeProvider.System));

        var error = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());
        error.Failures.ShouldBe([
            "Compliance:Kubernetes:VersionPollInterval must be positive (was 00:00:00)",
            "Compliance:Kubernetes:KubeconfigPath '/nonexistent/kubeconfig' does not exist",
        ]);
    }

    /// <summary>Waits for the line (the hosted service starts in the background); fails after 20 s.</summary>
    private async Task LogLineAsync(LogLevel level, string fragment)
    {
        for (var i = 0; i < 400 && !log.Said(level, fragment); i++) await Task.Delay(50);
        log.Said(level, fragment).ShouldBeTrue($"no {level} line containing: {fragment}");
    }

    private IHost Build(Dictionary<string, string?> settings, IObservationPublisher publisher)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddProvider(new ListLoggerProvider(log));
        builder.Services.AddSingleton(publisher);
        builder.Services.AddComplianceKubernetes(builder.Configuration);
        return builder.Build();
    }

    public void Dispose() => ledger.Dispose();

    private sealed class ListLoggerProvider(ListLogger logger) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => logger;

        public void Dispose()
        {
        }
    }
}
