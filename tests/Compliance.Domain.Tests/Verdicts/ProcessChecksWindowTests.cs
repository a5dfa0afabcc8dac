using Compliance.Domain.Events;
using Compliance.Domain.Policies;
using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;

namespace Compliance.Domain.Tests.Verdicts;

public sealed class ProcessChecksWindowTests
{
    private static readonly DateTimeOffset T = Ledger.At(2026, 1, 5);
    private static readonly DateTimeOffset S = Ledger.At(2026, 3, 3, 2);

    private static List<Finding> Findings(Ledger ledger, DateTimeOffset asOf, FindingKind kind) =>
        [.. ProcessChecks.Evaluate(ledger.History(), null, asOf).Where(f => f.Kind == kind)];

    [Fact]
    public void a_scheduled_window_not_started_by_its_end_is_missed_once_it_ends()
    {
        var ledger = new Ledger().Registered(T).Scheduled("w1", S, at: S.AddDays(-40));

        Findings(ledger, S.AddHours(3), FindingKind.MissedWindow).ShouldBeEmpty();
        var missed = Findings(ledger, S.AddHours(5), FindingKind.MissedWindow).ShouldHaveSingleItem();
        missed.Subject.ShouldBe("w1");
        missed.DetectedAt.ShouldBe(S.AddHours(4));
        missed.Evidence.ShouldNotBeEmpty();
    }

    [Fact]
    public void a_window_started_or_aborted_before_its_end_is_not_missed()
    {
        var started = new Ledger().Registered(T).Scheduled("w1", S, at: S.AddDays(-40)).Started("w1", S.AddMinutes(10));
        var aborted = new Ledger().Registered(T).Scheduled("w1", S, at: S.AddDays(-40)).Aborted("w1", S.AddDays(-1));

        Findings(started, S.AddDays(1), FindingKind.MissedWindow).ShouldBeEmpty();
        Findings(aborted, S.AddDays(1), FindingKind.MissedWindow).ShouldBeEmpty();
    }

    [Fact]
    public void windows_held_within_the_cadence_leave_no_gap()
    {
        var ledger = new Ledger().Registered(T)
            .Scheduled("w1", T.AddDays(20), at: T).Started("w1", T.AddDays(20))
            .Scheduled("w2", T.AddDays(50), at: T).Started("w2", T.AddDays(50));

        Findings(ledger, T.AddDays(70), FindingKind.WindowCadenceGap).ShouldBeEmpty();
    }

    [Fact]
    public void a_gap_longer_than_the_cadence_is_found_when_it_runs_out_and_resolved_by_the_next_window()
    {
        var ledger = new Ledger().Registered(T)
            .Scheduled("w1", T.AddDays(40), at: T).Started("w1", T.AddDays(40));

        var gap = Findings(ledger, T.AddDays(45), FindingKind.WindowCadenceGap).ShouldHaveSingleItem();
        gap.Subject.ShouldBe("after registration");
        gap.DetectedAt.ShouldBe(T.AddDays(31));
        gap.ResolvedAt.ShouldBe(T.AddDays(40));
    }

    [Fact]
    public void a_gap_still_running_is_open_and_not_detected_before_the_cadence_runs_out()
    {
        var ledger = new Ledger().Registered(T)
            .Scheduled("w1", T.AddDays(10), at: T).Started("w1", T.AddDays(10));

        Findings(ledger, T.AddDays(41), FindingKind.WindowCadenceGap).ShouldBeEmpty();
        var gap = Findings(ledger, T.AddDays(50), FindingKind.WindowCadenceGap).ShouldHaveSingleItem();
        gap.Subject.ShouldBe("after window w1");
        gap.DetectedAt.ShouldBe(T.AddDays(41));
        gap.ResolvedAt.ShouldBeNull();
    }

    private static readonly PlannedChange MinorUpgrade = new(ComponentKind.ControlPlane, "kubernetes", "1.30.0", ChangeKind.Minor);
    private static readonly PlannedChange MajorAddOn = new(ComponentKind.AddOn, "istio", "2.0.0", ChangeKind.Major);

    [Fact]
    public void a_major_change_announced_before_the_notice_period_is_fine()
    {
        var ledger = new Ledger().Registered(T).Scheduled("w1", S, at: S.AddDays(-60), changes: [MajorAddOn]).Announced("w1", S.AddDays(-40), ChangeKind.Major);

        Findings(ledger, S.AddDays(1), FindingKind.ShortNotice).ShouldBeEmpty();
    }

    [Fact]
    public void a_major_change_announced_late_is_short_notice_detected_at_the_notice_deadline()
    {
        var ledger = new Ledger().Registered(T).Scheduled("w1", S, at: S.AddDays(-60), changes: [MajorAddOn]).Announced("w1", S.AddDays(-10), ChangeKind.Major);

        Findings(ledger, S.AddDays(-31), FindingKind.ShortNotice).ShouldBeEmpty();
        var finding = Findings(ledger, S.AddDays(1), FindingKind.ShortNotice).ShouldHaveSingleItem();
        finding.DetectedAt.ShouldBe(S.AddDays(-30));
        finding.Detail.ShouldContain("10 days");
    }

    [Fact]
    public void a_kubernetes_minor_upgrade_is_major_by_default_and_needs_notice()
    {
        var ledger = new Ledger().Registered(T).Scheduled("w1", S, at: S.AddDays(-10), changes: [MinorUpgrade]).Started("w1", S);

        Findings(ledger, S.AddDays(1), FindingKind.ShortNotice).ShouldHaveSingleItem().DetectedAt.ShouldBe(S.AddDays(-10));
        ledger.PolicySet(MaintenancePolicy.Default with { KubernetesMinorIsMajor = false }, T);
        Findings(ledger, S.AddDays(1), FindingKind.ShortNotice).ShouldBeEmpty();
    }

    [Fact]
    public void a_major_upgrade_recorded_in_an_unannounced_window_is_short_notice()
    {
        var ledger = new Ledger().Registered(T).Scheduled("w1", S, at: S.AddDays(-60)).Started("w1", S)
            .Upgraded("w1", ComponentKind.AddOn, "istio", "1.22.1", "2.0.0", ChangeKind.Major, S.AddHours(1));

        Findings(ledger, S.AddMinutes(30), FindingKind.ShortNotice).ShouldBeEmpty();
        Findings(ledger, S.AddHours(2), FindingKind.ShortNotice).ShouldHaveSingleItem().DetectedAt.ShouldBe(S.AddHours(1));
    }

    [Fact]
    public void a_window_scheduled_without_a_contingency_plan_is_found_when_scheduled_and_resolved_when_one_is_added()
    {
        var ledger = new Ledger().Registered(T).Scheduled("w1", S, at: S.AddDays(-20), contingencyPlan: null);

        var finding = Findings(ledger, S.AddDays(-19), FindingKind.MissingContingencyPlan).ShouldHaveSingleItem();
        finding.DetectedAt.ShouldBe(S.AddDays(-20));
        finding.ResolvedAt.ShouldBeNull();

        ledger.Scheduled("w1", S, at: S.AddDays(-5), contingencyPlan: "restore etcd snapshot");
        Findings(ledger, S, FindingKind.MissingContingencyPlan).ShouldHaveSingleItem().ResolvedAt.ShouldBe(S.AddDays(-5));
    }

    [Fact]
    public void a_window_scheduled_with_a_contingency_plan_is_fine() =>
        Findings(new Ledger().Registered(T).Scheduled("w1", S, at: S.AddDays(-20)), S, FindingKind.MissingContingencyPlan).ShouldBeEmpty();

    [Fact]
    public void a_retrospective_within_seven_days_is_fine()
    {
        var ledger = new Ledger().Registered(T).Scheduled("w1", S, at: S.AddDays(-40)).Started("w1", S).Completed("w1", S.AddHours(3))
            .Retrospective("w1", S.AddDays(5));

        Findings(ledger, S.AddDays(20), FindingKind.MissingRetrospective).ShouldBeEmpty();
    }

    [Fact]
    public void a_missing_retrospective_is_found_seven_days_after_the_end_and_resolved_when_recorded()
    {
        var end = S.AddHours(1);
        var ledger = new Ledger().Registered(T).Scheduled("w1", S, at: S.AddDays(-40)).Started("w1", S).Aborted("w1", end);

        Findings(ledger, end.AddDays(6), FindingKind.MissingRetrospective).ShouldBeEmpty();
        Findings(ledger, end.AddDays(8), FindingKind.MissingRetrospective).ShouldHaveSingleItem().DetectedAt.ShouldBe(end.AddDays(7));

        ledger.Retrospective("w1", end.AddDays(10));
        var resolved = Findings(ledger, end.AddDays(11), FindingKind.MissingRetrospective).ShouldHaveSingleItem();
        resolved.ResolvedAt.ShouldBe(end.AddDays(10));
        Findings(ledger, end.AddDays(9), FindingKind.MissingRetrospective).ShouldHaveSingleItem().ResolvedAt.ShouldBeNull();
    }
}
