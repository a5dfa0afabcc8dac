using Compliance.Contracts.Observations;
using Compliance.Domain.Verdicts;
using Compliance.Testing.Kubernetes;
using static Compliance.Testing.Kubernetes.KubeObjects;

namespace Compliance.Adapters.Kubernetes.Tests;

public sealed class ChangeTests
{
    [Fact]
    public async Task a_kubelet_upgrade_arrives_as_one_node_observed_and_shows_in_the_eol_risk_read_model()
    {
        await using var h = await WatcherHarness.StartAsync();
        await h.Eventually(() => h.Publisher.Of<DrainRiskFound>().Count == 3, "the first publication");
        await h.Settled();
        var before = h.Publisher.Published.Count;

        h.Api.Put(Node("node-b", kubeletVersion: "v1.30.4"));
        await h.Eventually(() => h.Publisher.Published.Count > before, "the upgraded node");
        await h.Settled();

        var published = h.Publisher.Published.Skip(before).Select(p => p.Message).ToList();
        var node = published.ShouldHaveSingleItem().ShouldBeOfType<NodeObserved>();
        (node.Node, node.NodeInfo.KubeletVersion).ShouldBe(("node-b", "v1.30.4"));

        await h.Ledger.Projections.CatchUpAsync(CancellationToken.None);
        var risks = await h.Ledger.Queries.EolRiskAsync(WatcherHarness.ClusterId, DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None);
        var kubelets = risks.Where(r => r.Kind == Compliance.Domain.Versions.ComponentKind.Kubelet).OrderBy(r => r.Version).ToList();
        kubelets.Select(r => (r.Version, r.Instances)).ShouldBe([("1.29.3", 2), ("1.30.4", 1)]);
        kubelets[1].Node.ShouldBe("node-b");
    }

    [Fact]
    public async Task a_resolved_risk_publishes_drain_risk_resolved()
    {
        await using var h = await WatcherHarness.StartAsync();
        await h.Eventually(() => h.Publisher.Of<DrainRiskFound>().Count == 3, "the first publication");

        TestCluster.Deployment(h.Api, "cert-manager", "cert-manager", 2, TestCluster.CertManagerImage, "cert-manager-controller", antiAffinity: true);
        await h.Eventually(() => h.Publisher.Of<DrainRiskResolved>().Count == 1, "the resolution");
        await h.Settled();

        h.Publisher.Of<DrainRiskResolved>().ShouldHaveSingleItem().RiskId.ShouldBe("single-replica/cert-manager/cert-manager");
        h.Publisher.Of<DrainRiskFound>().Count.ShouldBe(3, "two spread replicas raise no new risk");
        await h.Ledger.Projections.CatchUpAsync(CancellationToken.None);
        var findings = await h.Ledger.Queries.FindingsAsync(WatcherHarness.ClusterId, DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None);
        var single = findings.Single(f => f.Kind == FindingKind.SingleReplica);
        single.ResolvedAt.ShouldNotBeNull();
        findings.Single(f => f.Kind == FindingKind.LongGracePeriod).ResolvedAt.ShouldBeNull();
    }

    [Fact]
    public async Task replicas_on_one_node_and_missing_spread_are_found()
    {
        await using var h = await WatcherHarness.StartAsync(api =>
        {
            TestCluster.Seed(api);
            api.Put(KubeObjects.Deployment("web", "frontend", 2, TestCluster.Labels("frontend")));
            for (var i = 0; i < 2; i++)
                api.Put(Pod("web", $"frontend-abc12-{i}", "node-c", [new Container("web", "example.com/web:1.0.0")], "ReplicaSet", "frontend-abc12",
                    new Dictionary<string, string> { ["app"] = "frontend", ["pod-template-hash"] = "abc12" }));
        });
        await h.Eventually(() => h.Publisher.Of<DrainRiskFound>().Count == 5, "five risks");

        var frontend = h.Publisher.Of<DrainRiskFound>().Where(r => r.Subject == "web/frontend").OrderBy(r => r.RiskId).ToList();
        frontend.Select(r => r.Kind).ShouldBe(["ReplicasOnOneNode", "NoSpreadOrAntiAffinity"]);
        frontend[0].Detail.ShouldBe("All 2 replicas of Deployment web/frontend run on one node (node-c)");
    }

    [Fact]
    public async Task a_removed_node_and_add_on_publish_their_removal()
    {
        await using var h = await WatcherHarness.StartAsync();
        await h.Eventually(() => h.Publisher.Of<DrainRiskFound>().Count == 3, "the first publication");

        h.Api.Delete(ApiResources.Nodes, null, "node-c");
        foreach (var i in new[] { 0, 1 }) h.Api.Delete(ApiResources.Pods, "kube-system", $"coredns-5d8f7c9b4-{i}");
        await h.Eventually(() => h.Publisher.Of<NodeRemoved>().Count == 1 && h.Publisher.Of<AddOnRemoved>().Count == 1, "the removals");

        h.Publisher.Of<NodeRemoved>().Single().Node.ShouldBe("node-c");
        h.Publisher.Of<AddOnRemoved>().Single().ShouldBe(new AddOnRemoved(WatcherHarness.ClusterId, "kube-system", "coredns", "coredns",
            h.Publisher.Of<AddOnRemoved>().Single().ObservedAt, "watcher:k8s"));
    }

    [Fact]
    public async Task a_finished_pod_runs_no_add_on()
    {
        await using var h = await WatcherHarness.StartAsync(api =>
        {
            TestCluster.Seed(api);
            api.Put(Pod("kube-system", "etcd-backup-29001-x7k2p", "node-a", [new Container("backup", "registry.k8s.io/etcd:3.5.12-0")], "Job",
                "etcd-backup-29001", phase: "Succeeded"));
        });
        await h.Eventually(() => h.Publisher.Of<DrainRiskFound>().Count == 3, "the first publication");
        await h.Settled();
        h.Publisher.Of<AddOnVersionObserved>().Count.ShouldBe(3);

        h.Api.Put(Pod("kube-system", "coredns-5d8f7c9b4-1", "node-b", [new Container("coredns", TestCluster.CoreDnsImage)], "ReplicaSet",
            "coredns-5d8f7c9b4", new Dictionary<string, string> { ["app"] = "coredns", ["pod-template-hash"] = "5d8f7c9b4" }, phase: "Failed"));
        h.Api.Delete(ApiResources.Pods, "kube-system", "coredns-5d8f7c9b4-0");
        await h.Eventually(() => h.Publisher.Of<AddOnRemoved>().Count == 1, "coredns gone once no pod of it runs");
        h.Publisher.Of<AddOnRemoved>().Single().Workload.ShouldBe("coredns");
    }
}
