using Compliance.Application.Queries;
using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;
using Compliance.Host.Serve;
using Compliance.Testing.Kubernetes;
using static Compliance.Adapters.Kubernetes.Tests.RecordedFleet;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Compliance.Adapters.Kubernetes.Tests;

public sealed class ServeTests : IDisposable
{
    private const string Cluster = "kind-restart";

    private readonly string data = Path.Combine(Path.GetTempPath(), "compliance-serve-k8s-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task compliance_serve_pointed_at_the_test_api_server_records_the_cluster_versions_and_drain_findings()
    {
        await using var api = await LocalKubernetesApi.StartAsync();
        TestCluster.Seed(api);
        var kubeconfig = api.WriteKubeconfig("kind-serve");
        Directory.CreateDirectory(data);
        await using var app = ServeApp.Build(
            [$"--Compliance:Kubernetes:KubeconfigPath={kubeconfig}", "--Compliance:Kubernetes:VersionPollInterval=00:00:01", "--Compliance:Catalog:RefreshEnabled=false"],
            new ServeOptions("http://127.0.0.1:0", data));
        await app.StartAsync();
        var queries = app.Services.GetRequiredService<FleetQueries>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        IReadOnlyList<EolRiskVerdict> versions = [];
        IReadOnlyList<Finding> findings = [];
        for (var waited = 0; waited < 400 && (versions.Count(v => v.Kind == ComponentKind.ControlPlane) == 0 || findings.Count < 3); waited++)
        {
            await Task.Delay(100);
            versions = await queries.EolRiskAsync("kind-serve", today, CancellationToken.None);
            findings = [.. (await queries.FindingsAsync("kind-serve", DateTimeOffset.UtcNow, CancellationToken.None))
                .Where(f => f.Kind is FindingKind.SingleReplica or FindingKind.PdbAllowsNoDisruption or FindingKind.LongGracePeriod)];
        }

        versions.ShouldContain(v => v.Kind == ComponentKind.ControlPlane && v.Version == "1.29.3");
        versions.ShouldContain(v => v.Kind == ComponentKind.Kubelet && v.Version == "1.29.3" && v.Instances == 3);
        versions.ShouldContain(v => v.Kind == ComponentKind.AddOn && v.Product == "cert-manager" && v.Version == "1.14.4");
        findings.Select(f => f.Subject).Order().ShouldBe(["cert-manager/cert-manager", "data/kafka", "shop/checkout"]);

        var health = await app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Tags.Contains("ready"));
        health.Entries["kubernetes"].Data.Keys.ShouldBe(["kind-serve"]);
        await app.StopAsync();
    }

    [Fact]
    public async Task compliance_serve_restarted_records_the_node_and_budget_that_vanished_while_it_was_down()
    {
        await using var api = await LocalKubernetesApi.StartAsync();
        TestCluster.Seed(api);
        var kubeconfig = api.WriteKubeconfig(Cluster);
        Directory.CreateDirectory(data);
        string[] args = [$"--Compliance:Kubernetes:KubeconfigPath={kubeconfig}", "--Compliance:Catalog:RefreshEnabled=false"];

        // Its own async flow: MassTransit keeps its log context in an AsyncLocal, which must not carry over to the second app.
        await Task.Run(async () =>
        {
            await using var first = ServeApp.Build(args, new ServeOptions("http://127.0.0.1:0", data));
            await first.StartAsync();
            var queries = first.Services.GetRequiredService<FleetQueries>();
            await UntilAsync(async () => (await KubeletsAsync(queries, Cluster)) == 3 && (await OpenBudgetFindingAsync(queries, Cluster)) is true);
            (await OpenBudgetFindingAsync(queries, Cluster)).ShouldBe(true, "the first run recorded the budget's finding");
            await first.StopAsync();
        });

        api.Delete(ApiResources.Nodes, null, "node-c").ShouldBeTrue();
        api.Delete(ApiResources.PodDisruptionBudgets, "shop", "checkout").ShouldBeTrue();
        await using var second = ServeApp.Build(args, new ServeOptions("http://127.0.0.1:0", data));
        await second.StartAsync();
        var after = second.Services.GetRequiredService<FleetQueries>();
        await UntilAsync(async () => (await KubeletsAsync(after, Cluster)) == 2 && (await OpenBudgetFindingAsync(after, Cluster)) is false);
        await second.StopAsync();

        (await KubeletsAsync(after, Cluster)).ShouldBe(2, "node-c no longer counts in EOL risk");
        (await OpenBudgetFindingAsync(after, Cluster)).ShouldBe(false, "the budget's finding is resolved");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
    }
}
