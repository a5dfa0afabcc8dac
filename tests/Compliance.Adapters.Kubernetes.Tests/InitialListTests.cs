using Compliance.Contracts.Observations;

namespace Compliance.Adapters.Kubernetes.Tests;

public sealed class InitialListTests
{
    [Fact]
    public async Task initial_list_publishes_control_plane_nodes_add_ons_and_drain_risks()
    {
        await using var h = await WatcherHarness.StartAsync();
        await h.Eventually(() => h.Publisher.Of<DrainRiskFound>().Count == 3 && h.Publisher.Of<ControlPlaneVersionObserved>().Count == 1, "the first publication");
        await h.Settled();

        var cp = h.Publisher.Of<ControlPlaneVersionObserved>().ShouldHaveSingleItem();
        (cp.ClusterId, cp.GitVersion, cp.Platform).ShouldBe((WatcherHarness.ClusterId, "v1.29.3", "linux/amd64"));

        var nodes = h.Publisher.Of<NodeObserved>();
        nodes.Select(n => n.Node).Order().ShouldBe(TestCluster.Nodes);
        var a = nodes.Single(n => n.Node == "node-a");
        a.NodeInfo.ShouldBe(new NodeInfo("v1.29.3", "v1.29.3", "Ubuntu 22.04.4 LTS", "5.15.0-1057-azure", "containerd://1.7.15", "amd64", "linux",
            "m-node-a", "u-node-a", "b-node-a"));
        a.Labels["topology.kubernetes.io/zone"].ShouldBe("westeurope-1");
        a.Labels["agentpool"].ShouldBe("system");
        a.Allocatable["cpu"].ShouldBe("4");
        a.Allocatable["memory"].ShouldBe("16Gi");
        a.Unschedulable.ShouldBeFalse();

        var addOns = h.Publisher.Of<AddOnVersionObserved>().Select(x => (x.Namespace, x.Workload, x.Container, x.Image, x.Product)).Order().ToList();
        addOns.ShouldBe(new[]
        {
            ("cert-manager", "cert-manager", "cert-manager-controller", TestCluster.CertManagerImage, "cert-manager"),
            ("kube-system", "cilium", "cilium-agent", TestCluster.CiliumImage, "cilium"),
            ("kube-system", "coredns", "coredns", TestCluster.CoreDnsImage, "coredns"),
        }); // one per (namespace, workload, container); pods of other namespaces are applications, not add-ons

        var risks = h.Publisher.Of<DrainRiskFound>().OrderBy(r => r.RiskId).ToList();
        risks.Select(r => (r.RiskId, r.Kind, r.Subject)).ShouldBe(new[]
        {
            ("grace/data/kafka", "LongGracePeriod", "data/kafka"),
            ("pdb/shop/checkout", "PdbAllowsNoDisruption", "shop/checkout"),
            ("single-replica/cert-manager/cert-manager", "SingleReplica", "cert-manager/cert-manager"),
        });
        risks[0].GracePeriodSeconds.ShouldBe(600);
        risks[1].Detail.ShouldContain("minAvailable 3 of 3");

        var recorded = await h.Ledger.ObservationsAsync();
        h.Publisher.Of<ClusterInventoryListed>().ShouldHaveSingleItem().Nodes.ShouldBe(TestCluster.Nodes);
        recorded.Count.ShouldBe(h.Publisher.Published.Count - 1, "every observation is a new fact in the ledger; the listing of a first start finds nothing gone");
        h.Publisher.Published.Select(p => p.Id).Distinct().Count().ShouldBe(h.Publisher.Published.Count);
    }

    [Fact]
    public async Task message_ids_are_the_same_for_the_same_cluster_state()
    {
        await using var first = await WatcherHarness.StartAsync();
        await first.Eventually(() => first.Publisher.Of<DrainRiskFound>().Count == 3, "first watcher's publication");
        await first.Settled();
        await using var second = await WatcherHarness.StartAsync();
        await second.Eventually(() => second.Publisher.Of<DrainRiskFound>().Count == 3, "second watcher's publication");
        await second.Settled();

        var ids = first.Publisher.Published.Where(p => p.Message is NodeObserved or AddOnVersionObserved).Select(p => p.Id).Order().ToList();
        ids.Count.ShouldBe(6);
        second.Publisher.Published.Where(p => p.Message is NodeObserved or AddOnVersionObserved).Select(p => p.Id).Order().ToList()
            .ShouldBe(ids); // two servers seeded alike give the same resourceVersions, so the same content gives the same ids
    }
}
