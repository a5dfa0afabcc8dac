using Compliance.Domain.Events;
using Compliance.Domain.Policies;
using Compliance.Domain.Verdicts;
using Environment = Compliance.Domain.Events.Environment;

namespace Compliance.Domain.Tests.Verdicts;

public sealed class ProcessChecksChangeTests
{
    private static readonly DateTimeOffset T = Ledger.At(2026, 1, 5);
    private static readonly DateTimeOffset S = Ledger.At(2026, 2, 3, 2);

    private static List<Finding> Findings(Ledger ledger, DateTimeOffset asOf, FindingKind kind, Ledger? staging = null) =>
        [.. ProcessChecks.Evaluate(ledger.History(), staging?.History(), asOf).Where(f => f.Kind == kind)];

    private static Ledger Cluster() => new Ledger().Registered(T).ControlPlane("v1.29.3", T).Node("a", "v1.29.3", T).Node("b", "v1.29.3", T);

    [Fact]
    public void first_observations_are_not_changes() =>
        Findings(Cluster(), T.AddDays(1), FindingKind.UnrecordedChange).ShouldBeEmpty();

    [Fact]
    public void a_version_change_outside_any_window_is_unrecorded()
    {
        var ledger = Cluster().ControlPlane("v1.29.4", S);

        var finding = Findings(ledger, S.AddHours(1), FindingKind.UnrecordedChange).ShouldHaveSingleItem();
        finding.DetectedAt.ShouldBe(S);
        finding.Detail.ShouldContain("from 1.29.3 to 1.29.4");
        Findings(ledger, S.AddMinutes(-1), FindingKind.UnrecordedChange).ShouldBeEmpty();
    }

    [Fact]
    public void the_same_version_observed_again_is_not_a_change() =>
        Findings(Cluster().ControlPlane("v1.29.3", S), S.AddHours(1), FindingKind.UnrecordedChange).ShouldBeEmpty();

    [Fact]
    public void a_change_while_a_started_window_is_open_is_recorded()
    {
        var ledger = Cluster().Scheduled("w1", S.AddHours(-1), at: T).Started("w1", S.AddHours(-1)).ControlPlane("v1.29.4", S);

        Findings(ledger, S.AddDays(1), FindingKind.UnrecordedChange).ShouldBeEmpty();
    }

    [Fact]
    public void a_change_after_the_window_completed_is_unrecorded()
    {
        var ledger = Cluster().Scheduled("w1", S.AddHours(-2), at: T).Started("w1", S.AddHours(-2)).Completed("w1", S.AddHours(-1))
            .ControlPlane("v1.29.4", S);

        Findings(ledger, S.AddDays(1), FindingKind.UnrecordedChange).ShouldHaveSingleItem();
    }

    [Fact]
    public void a_scheduled_window_that_was_never_started_does_not_cover_a_change()
    {
        var ledger = Cluster().Scheduled("w1", S.AddHours(-1), at: T).ControlPlane("v1.29.4", S);

        Findings(ledger, S.AddHours(1), FindingKind.UnrecordedChange).ShouldHaveSingleItem();
    }

    [Fact]
    public void an_emergency_patch_covers_changes_to_its_products_only()
    {
        var covered = Cluster().Emergency("e1", S.AddHours(-1), S.AddHours(1), S.AddHours(2), "kubernetes").ControlPlane("v1.29.4", S);
        var otherProduct = Cluster().Emergency("e1", S.AddHours(-1), S.AddHours(1), S.AddHours(2), "cilium").ControlPlane("v1.29.4", S);

        Findings(covered, S.AddHours(3), FindingKind.UnrecordedChange).ShouldBeEmpty();
        Findings(otherProduct, S.AddHours(3), FindingKind.UnrecordedChange).ShouldHaveSingleItem();
    }

    [Fact]
    public void node_changes_of_one_kind_within_an_hour_are_one_finding()
    {
        var ledger = Cluster()
            .Node("a", "v1.29.4", S)
            .Node("b", "v1.29.4", S.AddMinutes(40))
            .Node("c", "v1.29.3", T)
            .Node("c", "v1.29.4", S.AddHours(3));

        var kubelet = Findings(ledger, S.AddHours(4), FindingKind.UnrecordedChange).Where(f => f.Subject.StartsWith("kubelet ", StringComparison.Ordinal)).ToList();

        kubelet.Count.ShouldBe(2);
        kubelet[0].Evidence.Count.ShouldBe(2);
        kubelet[1].DetectedAt.ShouldBe(S.AddHours(3));
    }

    [Fact]
    public void a_node_joining_with_a_version_no_node_ran_is_a_change()
    {
        var ledger = Cluster().Node("c", "v1.29.4", S).NodeRemoved("a", S.AddMinutes(10)).Node("d", "v1.29.4", S.AddMinutes(20));

        var kubelet = Findings(ledger, S.AddHours(2), FindingKind.UnrecordedChange).Where(f => f.Subject.StartsWith("kubelet ", StringComparison.Ordinal)).ToList();

        kubelet.ShouldHaveSingleItem().Detail.ShouldContain("from 1.29.3 to 1.29.4");
    }

    [Fact]
    public void a_joining_node_counts_from_the_lowest_version_running_on_nodes_present_just_before_it()
    {
        var ledger = Cluster()
            .Node("c", "v1.29.1", T.AddMinutes(5)).NodeRemoved("c", S.AddMinutes(-1)) // gone before the join: not counted
            .Node("b", "v1.29.2", S)
            .Node("e", "v1.29.5", S.AddHours(2));

        var joined = Findings(ledger, S.AddHours(3), FindingKind.UnrecordedChange).Single(f => f.Subject.StartsWith("kubelet ", StringComparison.Ordinal) && f.DetectedAt == S.AddHours(2));

        joined.Detail.ShouldContain("from 1.29.2 to 1.29.5");
    }

    [Fact]
    public void a_node_joining_with_a_version_already_running_is_a_scale_out() =>
        Findings(Cluster().Node("c", "v1.29.3", S), S.AddHours(2), FindingKind.UnrecordedChange).ShouldBeEmpty();

    private static Ledger Production() => new Ledger("prod").Registered(T, environment: Environment.Production, staging: "stg").ControlPlane("v1.29.3", T);

    private static Ledger Staging(string version, DateTimeOffset since) =>
        new Ledger("stg").Registered(T, environment: Environment.Staging).ControlPlane("v1.29.3", T).ControlPlane(version, since);

    [Theory]
    [InlineData("v1.29.4", 10)]
    [InlineData("v1.29.4", 7)]
    [InlineData("v1.29.5", 8)]
    public void production_may_take_a_version_staging_ran_for_the_soak_period(string stagingVersion, int daysBefore) =>
        Findings(Production().ControlPlane("v1.29.4", S), S.AddDays(1), FindingKind.StagingSkipped, Staging(stagingVersion, S.AddDays(-daysBefore)))
            .ShouldBeEmpty();

    [Theory]
    [InlineData("v1.29.4", 3)]
    [InlineData("v1.30.0", 10)]
    public void production_taking_a_version_before_staging_soaked_it_is_found(string stagingVersion, int daysBefore)
    {
        var finding = Findings(Production().ControlPlane("v1.29.4", S), S.AddDays(1), FindingKind.StagingSkipped, Staging(stagingVersion, S.AddDays(-daysBefore)))
            .ShouldHaveSingleItem();

        finding.DetectedAt.ShouldBe(S);
        finding.Subject.ShouldBe("control-plane 1.29.4");
    }

    [Fact]
    public void the_soak_period_is_policy()
    {
        var production = Production().PolicySet(MaintenancePolicy.Default with { StagingSoakDays = 2 }, T).ControlPlane("v1.29.4", S);

        Findings(production, S.AddDays(1), FindingKind.StagingSkipped, Staging("v1.29.4", S.AddDays(-3))).ShouldBeEmpty();
    }

    [Fact]
    public void an_emergency_patch_need_not_soak_in_staging()
    {
        var production = Production().Emergency("e1", S.AddHours(-1), S.AddHours(6), S.AddHours(7), "kubernetes").ControlPlane("v1.29.4", S);

        Findings(production, S.AddDays(1), FindingKind.StagingSkipped, Staging("v1.29.4", S.AddHours(-2))).ShouldBeEmpty();
    }

    [Fact]
    public void an_emergency_patch_for_another_product_does_not_excuse_skipping_staging()
    {
        var production = Production().Emergency("e1", S.AddHours(-1), S.AddHours(6), S.AddHours(7), "cilium").ControlPlane("v1.29.4", S);

        Findings(production, S.AddDays(1), FindingKind.StagingSkipped, Staging("v1.29.4", S.AddHours(-2))).ShouldHaveSingleItem();
    }
}
