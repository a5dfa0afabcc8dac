using Compliance.Domain.Commands;
using Compliance.Domain.Deciders;
using Compliance.Domain.Events;

namespace Compliance.Domain.Tests.Deciders;

/// <summary>A complete listing of a cluster: what the stream holds as present and the listing lacks is recorded as gone.</summary>
public sealed class InventoryReconciliationTests
{
    private const string Cluster = "prod-eu-1";
    private static readonly DateTimeOffset T0 = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Listed = T0.AddHours(3);

    private static readonly NodeInfo Info = new("v1.29.3", "v1.29.3", "Ubuntu 22.04.4 LTS", "5.15.0", "containerd://1.7.13", "amd64", "linux", "m", "s", "b");

    private static NodeObserved Node(string name) =>
        new(Cluster, name, Info, new Dictionary<string, string>(), new Dictionary<string, string> { ["cpu"] = "4" }, false, new Dictionary<string, string>(), T0);

    private static AddOnVersionObserved AddOn(string ns, string workload, string container = "main") =>
        new(Cluster, ns, workload, container, $"registry.example/{workload}:v1", workload, T0);

    private static DrainRiskFound Risk(string id) => new(Cluster, id, DrainRiskKind.SingleReplica, id, "1 replica", null, T0);

    /// <summary>A listing of the cluster that watched kube-system and cert-manager.</summary>
    private static ReconcileInventory Listing(
        IReadOnlyCollection<string>? nodes = null, IReadOnlyCollection<AddOnKey>? addOns = null, IReadOnlyCollection<string>? risks = null,
        IReadOnlyCollection<string>? namespaces = null) =>
        new(new ClusterInventory(Cluster, nodes ?? [], namespaces ?? ["kube-system", "cert-manager"], addOns ?? [], risks ?? [], Listed), "watcher:k8s", Listed);

    private static readonly DomainEvent[] Present =
    [
        Node("node-a"), Node("node-b"), Node("node-c"),
        AddOn("kube-system", "coredns"), AddOn("kube-system", "cilium", "agent"), AddOn("cert-manager", "cert-manager"),
        Risk("pdb/shop/checkout"), Risk("single-replica/data/kafka"),
    ];

    private static readonly AddOnKey[] AllAddOns =
        [new("kube-system", "coredns", "main"), new("kube-system", "cilium", "agent"), new("cert-manager", "cert-manager", "main")];

    [Fact]
    public void a_listing_that_shows_everything_known_records_nothing() =>
        Spec.Observations()
            .Given(Present)
            .When(Listing(["node-a", "node-b", "node-c"], AllAddOns, ["pdb/shop/checkout", "single-replica/data/kafka"]))
            .ThenUnchanged();

    [Fact]
    public void what_the_listing_lacks_is_removed_or_resolved_at_the_listing_instant_in_name_order() =>
        Spec.Observations()
            .Given(Present)
            .When(Listing(["node-b"], [new("kube-system", "cilium", "agent")], ["single-replica/data/kafka"]))
            .Then(
                new NodeRemoved(Cluster, "node-a", Listed),
                new NodeRemoved(Cluster, "node-c", Listed),
                new AddOnRemoved(Cluster, "cert-manager", "cert-manager", "main", Listed),
                new AddOnRemoved(Cluster, "kube-system", "coredns", "main", Listed),
                new DrainRiskResolved(Cluster, "pdb/shop/checkout", Listed));

    [Fact]
    public void the_same_listing_again_records_nothing() =>
        Spec.Observations()
            .Given(Present)
            .Given(new NodeRemoved(Cluster, "node-c", Listed))
            .When(Listing(["node-a", "node-b"], AllAddOns, ["pdb/shop/checkout", "single-replica/data/kafka"]))
            .ThenUnchanged();

    [Fact]
    public void add_ons_in_namespaces_the_listing_did_not_look_at_are_left_alone() =>
        Spec.Observations()
            .Given(Present)
            .When(Listing(["node-a", "node-b", "node-c"], [], ["pdb/shop/checkout", "single-replica/data/kafka"], namespaces: ["cert-manager", "logging"]))
            .Then(new AddOnRemoved(Cluster, "cert-manager", "cert-manager", "main", Listed));

    [Fact]
    public void what_the_listing_shows_and_the_stream_never_recorded_adds_nothing() =>
        Spec.Observations()
            .Given(Node("node-a"))
            .When(Listing(["node-a", "node-new"], [new("kube-system", "new-addon", "main")], ["pdb/new/budget"]))
            .ThenUnchanged();

    [Fact]
    public void a_node_removed_and_observed_again_is_removed_again_by_a_later_listing() =>
        Spec.Observations()
            .Given(Node("node-a"), Node("node-c"), new NodeRemoved(Cluster, "node-c", T0.AddHours(1)), Node("node-c") with { ObservedAt = T0.AddHours(2) })
            .When(Listing(["node-a"]))
            .Then(new NodeRemoved(Cluster, "node-c", Listed));

    [Fact]
    public void what_was_observed_after_the_listing_was_taken_is_not_removed_by_it() =>
        Spec.Observations()
            .Given(Node("node-a"), Node("node-late") with { ObservedAt = Listed.AddSeconds(1) }, Risk("pdb/late/budget") with { ObservedAt = Listed.AddSeconds(1) })
            .When(Listing(["node-a"]))
            .ThenUnchanged();

    [Fact]
    public void a_listing_of_an_unknown_cluster_records_nothing() =>
        Spec.Observations().When(Listing(["node-a"], AllAddOns, ["pdb/shop/checkout"])).ThenUnchanged();

    [Fact]
    public void rejects_a_listing_without_cluster_id() =>
        Spec.Observations()
            .When(new ReconcileInventory(new ClusterInventory(" ", [], [], [], [], Listed), "watcher:k8s", Listed))
            .ThenRejected("no cluster id");

    [Fact]
    public void rejects_a_listing_without_a_node_list_rather_than_removing_every_node() =>
        Spec.Observations()
            .Given(Present)
            .When(new ReconcileInventory(new ClusterInventory(Cluster, null!, ["kube-system"], [], [], Listed), "watcher:k8s", Listed))
            .ThenRejected("no list of nodes");

    [Fact]
    public void rejects_a_listing_without_its_namespaces() =>
        Spec.Observations()
            .Given(Present)
            .When(new ReconcileInventory(new ClusterInventory(Cluster, ["node-a"], null!, [], [], Listed), "watcher:k8s", Listed))
            .ThenRejected("no list of add-on namespaces");
}
