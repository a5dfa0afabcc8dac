using Compliance.Contracts.Observations;
using Microsoft.Extensions.Logging;
using static Compliance.Testing.Kubernetes.KubeObjects;

namespace Compliance.Adapters.Kubernetes.Tests;

public sealed class ClusterApiTests
{
    [Fact]
    public async Task cluster_api_versions_and_phases_are_logged_and_shown_in_health_where_the_groups_exist()
    {
        await using var h = await WatcherHarness.StartAsync(api =>
        {
            TestCluster.Seed(api);
            api.ClusterApiInstalled = true;
            api.Put(ClusterApiCluster("capi", "prod-eu", "Provisioned", "v1.29.3"));
            api.Put(MachineDeployment("capi", "prod-eu-md-0", "v1.29.3", "Running", 3));
            api.Put(KubeadmControlPlane("capi", "prod-eu-cp", "v1.29.3", 3, ready: true));
        });
        await h.Eventually(() => h.Watcher!.State.Details.Count == 3, "three Cluster API objects");

        h.Watcher!.State.Details["clusterapi/MachineDeployment/capi/prod-eu-md-0"].ShouldBe("version v1.29.3, phase Running");
        h.Watcher.State.Details["clusterapi/KubeadmControlPlane/capi/prod-eu-cp"].ShouldBe("version v1.29.3, phase Ready");

        h.Api.Put(MachineDeployment("capi", "prod-eu-md-0", "v1.30.4", "ScalingUp", 3));
        await h.Eventually(() => h.Watcher.State.Details["clusterapi/MachineDeployment/capi/prod-eu-md-0"] == "version v1.30.4, phase ScalingUp", "the rollout");
        h.Log.Said(LogLevel.Information, "Cluster API MachineDeployment capi/prod-eu-md-0 version v1.30.4, phase ScalingUp").ShouldBeTrue();
    }

    [Fact]
    public async Task without_cluster_api_groups_the_watcher_says_so_and_watches_the_rest()
    {
        await using var h = await WatcherHarness.StartAsync();
        await h.Eventually(() => h.Publisher.Of<DrainRiskFound>().Count == 3, "the first publication");
        await h.Eventually(() => h.Log.Said(LogLevel.Information, "serves no Cluster API groups"), "the log line");
        h.Watcher!.State.Details.ShouldBeEmpty();
    }
}
