using Compliance.Domain.Commands;
using Compliance.Domain.Events;

namespace Compliance.Domain.Tests.Deciders;

public sealed class ObservationDeciderTests
{
    private const string Cluster = "prod-eu-1";
    private static readonly DateTimeOffset T0 = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset T1 = T0.AddMinutes(5);

    private static readonly NodeInfo Info = new(
        "v1.29.3-eks-adc7111", "v1.29.3-eks-adc7111", "Amazon Linux 2", "5.10.210-201.852.amzn2.x86_64",
        "containerd://1.7.11", "amd64", "linux", "m1", "u1", "b1");

    private static RecordObservation Record(ObservationEvent observation) => new(observation, "k8s-watcher", observation.ObservedAt);

    private static NodeObserved Node(DateTimeOffset at, NodeInfo? info = null, string zone = "eu-west-1a", bool unschedulable = false) =>
        new(Cluster, "node-a", info ?? Info,
            new Dictionary<string, string> { ["topology.kubernetes.io/zone"] = zone, ["kubernetes.io/os"] = "linux" },
            new Dictionary<string, string> { ["cpu"] = "4", ["memory"] = "16Gi" },
            unschedulable,
            new Dictionary<string, string>(),
            at);

    private static AddOnVersionObserved AddOn(string image, DateTimeOffset at) =>
        new(Cluster, "cert-manager", "cert-manager", "controller", image, "cert-manager", at);

    private static DrainRiskFound Risk(string detail, DateTimeOffset at) =>
        new(Cluster, "single-replica/payments/api", DrainRiskKind.SingleReplica, "payments/api", detail, null, at);

    [Fact]
    public void records_the_first_control_plane_version() =>
        Spec.Observations()
            .When(Record(new ControlPlaneVersionObserved(Cluster, "v1.29.3-eks-adc7111", "linux/amd64", T0)))
            .Then(new ControlPlaneVersionObserved(Cluster, "v1.29.3-eks-adc7111", "linux/amd64", T0));

    [Fact]
    public void the_same_control_plane_version_again_records_nothing() =>
        Spec.Observations()
            .Given(new ControlPlaneVersionObserved(Cluster, "v1.29.3", "linux/amd64", T0))
            .When(Record(new ControlPlaneVersionObserved(Cluster, "v1.29.3", "linux/amd64", T1)))
            .ThenUnchanged();

    [Fact]
    public void a_changed_control_plane_version_is_recorded() =>
        Spec.Observations()
            .Given(new ControlPlaneVersionObserved(Cluster, "v1.29.3", "linux/amd64", T0))
            .When(Record(new ControlPlaneVersionObserved(Cluster, "v1.29.6", "linux/amd64", T1)))
            .Then(new ControlPlaneVersionObserved(Cluster, "v1.29.6", "linux/amd64", T1));

    [Fact]
    public void rejects_a_control_plane_observation_without_version() =>
        Spec.Observations().When(Record(new ControlPlaneVersionObserved(Cluster, "", "linux/amd64", T0))).ThenRejected("no gitVersion");

    [Fact]
    public void rejects_an_observation_without_cluster_id() =>
        Spec.Observations().When(Record(new NodeRemoved(" ", "node-a", T0))).ThenRejected("no cluster id");

    [Fact]
    public void records_a_new_node() => Spec.Observations().When(Record(Node(T0))).Then(Node(T0));

    [Fact]
    public void a_node_equal_in_every_field_but_the_time_records_nothing() =>
        Spec.Observations().Given(Node(T0)).When(Record(Node(T1))).ThenUnchanged();

    [Fact]
    public void a_node_with_a_new_kubelet_is_recorded() =>
        Spec.Observations()
            .Given(Node(T0))
            .When(Record(Node(T1, Info with { KubeletVersion = "v1.29.6-eks-1" })))
            .Then(Node(T1, Info with { KubeletVersion = "v1.29.6-eks-1" }));

    [Fact]
    public void a_node_with_a_changed_label_is_recorded() =>
        Spec.Observations().Given(Node(T0)).When(Record(Node(T1, zone: "eu-west-1b"))).Then(Node(T1, zone: "eu-west-1b"));

    [Fact]
    public void a_cordoned_node_is_recorded() =>
        Spec.Observations().Given(Node(T0)).When(Record(Node(T1, unschedulable: true))).Then(Node(T1, unschedulable: true));

    [Fact]
    public void rejects_a_node_without_name() =>
        Spec.Observations().When(Record(Node(T0) with { Node = "" })).ThenRejected("no node name");

    [Fact]
    public void records_a_removed_node() =>
        Spec.Observations().Given(Node(T0)).When(Record(new NodeRemoved(Cluster, "node-a", T1))).Then(new NodeRemoved(Cluster, "node-a", T1));

    [Fact]
    public void removing_an_unknown_node_records_nothing() =>
        Spec.Observations().When(Record(new NodeRemoved(Cluster, "node-z", T1))).ThenUnchanged();

    [Fact]
    public void removing_a_node_twice_records_it_once() =>
        Spec.Observations()
            .Given(Node(T0), new NodeRemoved(Cluster, "node-a", T1))
            .When(Record(new NodeRemoved(Cluster, "node-a", T1.AddMinutes(1))))
            .ThenUnchanged();

    [Fact]
    public void records_a_new_add_on_image() =>
        Spec.Observations()
            .Given(AddOn("quay.io/jetstack/cert-manager-controller:v1.14.4", T0))
            .When(Record(AddOn("quay.io/jetstack/cert-manager-controller:v1.14.5", T1)))
            .Then(AddOn("quay.io/jetstack/cert-manager-controller:v1.14.5", T1));

    [Fact]
    public void the_same_add_on_image_again_records_nothing() =>
        Spec.Observations()
            .Given(AddOn("quay.io/jetstack/cert-manager-controller:v1.14.4", T0))
            .When(Record(AddOn("quay.io/jetstack/cert-manager-controller:v1.14.4", T1)))
            .ThenUnchanged();

    [Fact]
    public void rejects_an_add_on_without_container() =>
        Spec.Observations().When(Record(AddOn("img:1", T0) with { Container = "" })).ThenRejected("namespace, workload or container");

    [Fact]
    public void records_a_removed_add_on() =>
        Spec.Observations()
            .Given(AddOn("img:1", T0))
            .When(Record(new AddOnRemoved(Cluster, "cert-manager", "cert-manager", "controller", T1)))
            .Then(new AddOnRemoved(Cluster, "cert-manager", "cert-manager", "controller", T1));

    [Fact]
    public void removing_an_unknown_add_on_records_nothing() =>
        Spec.Observations().When(Record(new AddOnRemoved(Cluster, "logging", "fluent-bit", "fluent-bit", T1))).ThenUnchanged();

    [Fact]
    public void records_a_new_drain_risk() =>
        Spec.Observations().When(Record(Risk("1 replica", T0))).Then(Risk("1 replica", T0));

    [Fact]
    public void the_same_open_drain_risk_again_records_nothing() =>
        Spec.Observations().Given(Risk("1 replica", T0)).When(Record(Risk("1 replica", T1))).ThenUnchanged();

    [Fact]
    public void an_open_drain_risk_with_new_detail_is_recorded() =>
        Spec.Observations().Given(Risk("1 replica", T0)).When(Record(Risk("1 replica, no PDB", T1))).Then(Risk("1 replica, no PDB", T1));

    [Fact]
    public void a_drain_risk_found_again_after_resolution_is_recorded() =>
        Spec.Observations()
            .Given(Risk("1 replica", T0), new DrainRiskResolved(Cluster, "single-replica/payments/api", T1))
            .When(Record(Risk("1 replica", T1.AddHours(1))))
            .Then(Risk("1 replica", T1.AddHours(1)));

    [Fact]
    public void resolves_an_open_drain_risk() =>
        Spec.Observations()
            .Given(Risk("1 replica", T0))
            .When(Record(new DrainRiskResolved(Cluster, "single-replica/payments/api", T1)))
            .Then(new DrainRiskResolved(Cluster, "single-replica/payments/api", T1));

    [Fact]
    public void resolving_a_risk_that_is_not_open_records_nothing() =>
        Spec.Observations().When(Record(new DrainRiskResolved(Cluster, "single-replica/payments/api", T1))).ThenUnchanged();

    [Fact]
    public void rejects_a_drain_risk_without_id() =>
        Spec.Observations().When(Record(Risk("1 replica", T0) with { RiskId = "" })).ThenRejected("no risk id");
}
