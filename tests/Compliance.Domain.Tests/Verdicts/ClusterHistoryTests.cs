using Compliance.Domain.Events;
using Compliance.Domain.Policies;
using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;

namespace Compliance.Domain.Tests.Verdicts;

public sealed class ClusterHistoryTests
{
    private static readonly DateTimeOffset T = Ledger.At(2026, 1, 5);

    [Fact]
    public void registration_and_policy_are_kept_with_the_default_policy_until_one_is_set()
    {
        var policy = MaintenancePolicy.Default with { NoticeDays = 45 };
        var ledger = new Ledger().Registered(T, Flavour.Eks, staging: "stg");

        ledger.History().Policy.ShouldBe(MaintenancePolicy.Default);
        var history = ledger.PolicySet(policy, T.AddDays(2)).History();

        history.Registration.ShouldNotBeNull().Flavour.ShouldBe(Flavour.Eks);
        history.Registration.StagingClusterId.ShouldBe("stg");
        history.Policy.ShouldBe(policy);
        history.PolicyAt(T.AddDays(1)).ShouldBe(MaintenancePolicy.Default);
    }

    [Fact]
    public void a_new_version_closes_the_running_interval_and_opens_one_that_remembers_the_previous()
    {
        var history = new Ledger()
            .ControlPlane("v1.29.3", T)
            .ControlPlane("v1.29.3", T.AddDays(1))
            .ControlPlane("v1.29.4", T.AddDays(2))
            .History();

        history.Intervals.Select(i => (i.Version.Normalized, i.From, i.To)).ShouldBe(
        [
            ("1.29.3", T, (DateTimeOffset?)T.AddDays(2)),
            ("1.29.4", T.AddDays(2), (DateTimeOffset?)null),
        ]);
        history.Intervals[0].Previous.ShouldBeNull();
        history.Intervals[1].Previous.ShouldNotBeNull().Normalized.ShouldBe("1.29.3");
        history.Intervals[1].Evidence.Revision.ShouldBe(2);
    }

    [Fact]
    public void the_registered_flavour_guides_parsing()
    {
        var history = new Ledger().Registered(T, Flavour.Eks).ControlPlane("v1.29.3-eks-adc7111", T).History();

        history.Intervals.ShouldHaveSingleItem().Version.Product.ShouldBe("amazon-eks");
    }

    [Fact]
    public void a_node_yields_five_components_that_close_when_it_is_removed()
    {
        var history = new Ledger()
            .Node("a", "v1.29.3", T)
            .NodeRemoved("a", T.AddDays(1))
            .History();

        history.ComponentsAt(T.AddHours(1)).Select(c => c.ComponentId).Order(StringComparer.Ordinal).ShouldBe(
            ["node/a/kernel", "node/a/kube-proxy", "node/a/kubelet", "node/a/os", "node/a/runtime"]);
        history.ComponentsAt(T.AddDays(1)).ShouldBeEmpty();
        history.Node("a").ShouldNotBeNull().IsPresent.ShouldBeFalse();
        history.NodesAt(T.AddHours(1)).ShouldHaveSingleItem().Current.Allocatable["cpu"].ShouldBe("4");
        history.Intervals.Single(i => i.Kind == ComponentKind.OsImage).Version.Product.ShouldBe("ubuntu");
    }

    [Fact]
    public void a_node_seen_again_after_its_removal_with_the_same_versions_runs_its_components_again()
    {
        var history = new Ledger()
            .Node("a", "v1.29.3", T)
            .Node("a", "v1.29.3", T.AddHours(1), unschedulable: true)
            .NodeRemoved("a", T.AddDays(1))
            .Node("a", "v1.29.3", T.AddDays(2))
            .Node("a", "v1.29.4", T.AddDays(3))
            .History();

        history.ComponentsAt(T.AddDays(1).AddHours(1)).ShouldBeEmpty();
        history.ComponentsAt(T.AddDays(2).AddHours(1)).Count.ShouldBe(5);
        history.Intervals.Where(i => i.Kind == ComponentKind.Kubelet).Select(i => (i.Version.Normalized, i.From, i.To)).ShouldBe(
        [
            ("1.29.3", T, (DateTimeOffset?)T.AddDays(1)),
            ("1.29.3", T.AddDays(2), (DateTimeOffset?)T.AddDays(3)),
            ("1.29.4", T.AddDays(3), (DateTimeOffset?)null),
        ]);
    }

    [Fact]
    public void add_ons_open_and_close_intervals_per_container()
    {
        var history = new Ledger()
            .AddOn("cert-manager", "controller", "quay.io/jetstack/cert-manager-controller:v1.14.4", "cert-manager", T, ns: "cert-manager")
            .AddOn("cert-manager", "controller", "quay.io/jetstack/cert-manager-controller:v1.14.5", "cert-manager", T.AddDays(1), ns: "cert-manager")
            .AddOnRemoved("cert-manager", "controller", T.AddDays(2), ns: "cert-manager")
            .History();

        history.Intervals.Select(i => (i.ComponentId, i.Version.Normalized, i.To)).ShouldBe(
        [
            ("addon/cert-manager/cert-manager/controller", "1.14.4", (DateTimeOffset?)T.AddDays(1)),
            ("addon/cert-manager/cert-manager/controller", "1.14.5", (DateTimeOffset?)T.AddDays(2)),
        ]);
    }

    [Fact]
    public void windows_emergencies_and_drain_risks_are_kept_with_their_times()
    {
        var history = new Ledger()
            .Scheduled("w1", T.AddDays(10), at: T)
            .Announced("w1", T.AddDays(1), ChangeKind.Patch)
            .Started("w1", T.AddDays(10))
            .Upgraded("w1", ComponentKind.ControlPlane, "kubernetes", "1.29.3", "1.29.4", ChangeKind.Patch, T.AddDays(10).AddHours(1))
            .Completed("w1", T.AddDays(10).AddHours(3))
            .Retrospective("w1", T.AddDays(12))
            .Emergency("e1", T.AddDays(20), T.AddDays(20).AddHours(2), T.AddDays(21), "kubernetes")
            .DrainRisk("r1", DrainRiskKind.SingleReplica, T)
            .DrainRiskResolved("r1", T.AddDays(1))
            .DrainRisk("r1", DrainRiskKind.SingleReplica, T.AddDays(5))
            .History();

        var window = history.Window("w1").ShouldNotBeNull();
        window.Started.ShouldNotBeNull().At.ShouldBe(T.AddDays(10));
        window.Ended.ShouldNotBeNull().At.ShouldBe(T.AddDays(10).AddHours(3));
        window.Announcements.ShouldHaveSingleItem();
        window.Upgrades.ShouldHaveSingleItem();
        window.Retrospectives.ShouldHaveSingleItem();
        history.EmergencyPatches.ShouldHaveSingleItem().Covers("kubernetes", T.AddDays(20).AddHours(1)).ShouldBeTrue();
        history.DrainRisks.Select(r => (r.FoundAt, r.ResolvedAt)).ShouldBe(
        [
            (T, (DateTimeOffset?)T.AddDays(1)),
            (T.AddDays(5), (DateTimeOffset?)null),
        ]);
    }

    [Fact]
    public void folding_the_same_facts_twice_gives_the_same_history()
    {
        var ledger = new Ledger().Registered(T).ControlPlane("v1.29.3", T).Node("a", "v1.29.3", T).Node("a", "v1.29.4", T.AddDays(3));

        ledger.History().Intervals.ShouldBe(ledger.History().Intervals);
    }

    [Fact]
    public void a_node_cordoned_and_uncordoned_keeps_one_copy_of_its_unchanged_maps_and_a_snapshot_per_change()
    {
        var history = new Ledger()
            .Node("a", "v1.29.3", T)
            .Node("a", "v1.29.3", T.AddHours(1), unschedulable: true)
            .Node("a", "v1.29.3", T.AddHours(2), unschedulable: true)
            .Node("a", "v1.29.3", T.AddHours(3))
            .Node("a", "v1.29.3", T.AddHours(4), memory: "32Gi")
            .History();

        var snapshots = history.Node("a").ShouldNotBeNull().Snapshots;
        snapshots.Select(s => (s.At, s.Unschedulable, s.Allocatable["memory"])).ShouldBe(
        [
            (T, false, "16Gi"),
            (T.AddHours(1), true, "16Gi"),
            (T.AddHours(3), false, "16Gi"),
            (T.AddHours(4), false, "32Gi"),
        ]);
        snapshots[1].Allocatable.ShouldBeSameAs(snapshots[0].Allocatable);
        snapshots[2].Allocatable.ShouldBeSameAs(snapshots[0].Allocatable);
        snapshots[3].Allocatable.ShouldNotBeSameAs(snapshots[0].Allocatable);
        snapshots[3].Labels.ShouldBeSameAs(snapshots[0].Labels);
        history.Node("a")!.SnapshotAt(T.AddHours(2)).ShouldBeSameAs(snapshots[1]);
    }

    [Fact]
    public void evidence_of_one_stream_shares_the_stream_name_and_keeps_each_position()
    {
        var history = new Ledger().ControlPlane("v1.29.3", T).ControlPlane("v1.29.4", T.AddDays(1)).History();

        var evidence = history.Intervals.Select(i => i.Evidence).ToList();
        evidence.Select(e => (e.Stream, e.Revision)).ShouldBe([("observations-prod", 0L), ("observations-prod", 1L)]);
        evidence[1].Stream.ShouldBeSameAs(evidence[0].Stream);
    }
}
