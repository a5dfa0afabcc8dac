using Compliance.Domain.Events;
using Compliance.Domain.Verdicts;

namespace Compliance.Domain.Tests.Verdicts;

public sealed class DrainReadinessTests
{
    private static readonly DateTimeOffset T = Ledger.At(2026, 1, 5);

    private static Ledger ThreeNodes() => new Ledger().Registered(T).Node("a", "v1.29.3", T).Node("b", "v1.29.3", T).Node("c", "v1.29.3", T);

    [Fact]
    public void open_drain_risks_are_findings_with_the_time_they_were_found()
    {
        var ledger = ThreeNodes()
            .DrainRisk("r1", DrainRiskKind.SingleReplica, T.AddDays(1))
            .DrainRisk("r2", DrainRiskKind.PdbAllowsNoDisruption, T.AddDays(2), subject: "apps/db")
            .DrainRiskResolved("r1", T.AddDays(3));

        var early = DrainReadiness.Evaluate(ledger.History(), T.AddDays(2).AddHours(1));
        var later = DrainReadiness.Evaluate(ledger.History(), T.AddDays(4));

        early.OpenRisks.Select(f => f.Kind).ShouldBe([FindingKind.SingleReplica, FindingKind.PdbAllowsNoDisruption]);
        early.OpenRisks[0].DetectedAt.ShouldBe(T.AddDays(1));
        later.OpenRisks.ShouldHaveSingleItem().Subject.ShouldBe("apps/db");
    }

    [Fact]
    public void estimated_drain_time_is_nodes_times_longest_grace_period_plus_overhead()
    {
        var ledger = ThreeNodes().DrainRisk("r1", DrainRiskKind.LongGracePeriod, T.AddDays(1), graceSeconds: 120);

        var verdict = DrainReadiness.Evaluate(ledger.History(), T.AddDays(2));

        verdict.Nodes.ShouldBe(3);
        verdict.EstimatedDrainTime.ShouldBe(TimeSpan.FromSeconds(3 * (120 + 60)));
        verdict.EstimateFormula.ShouldBe(DrainReadiness.Formula);
    }

    [Fact]
    public void without_long_grace_periods_each_node_takes_the_default_grace_period_plus_overhead()
    {
        var ledger = ThreeNodes().NodeRemoved("c", T.AddDays(1));

        var verdict = DrainReadiness.Evaluate(ledger.History(), T.AddDays(2));

        verdict.Nodes.ShouldBe(2);
        verdict.EstimatedDrainTime.ShouldBe(TimeSpan.FromSeconds(2 * (30 + 60)));
    }

    [Fact]
    public void enough_room_on_the_other_nodes_is_not_a_capacity_finding() =>
        DrainReadiness.Evaluate(ThreeNodes().History(), T.AddDays(1)).OpenRisks.ShouldBeEmpty();

    [Fact]
    public void a_largest_node_bigger_than_all_others_together_cannot_be_drained()
    {
        var ledger = new Ledger().Registered(T)
            .Node("big", "v1.29.3", T, cpu: "16", memory: "64Gi")
            .Node("small", "v1.29.3", T.AddHours(1), cpu: "3920m", memory: "15991428Ki");

        var finding = DrainReadiness.Evaluate(ledger.History(), T.AddDays(1)).OpenRisks.ShouldHaveSingleItem();

        finding.Kind.ShouldBe(FindingKind.InsufficientSpareCapacity);
        finding.DetectedAt.ShouldBe(T.AddHours(1));
    }

    [Fact]
    public void a_recorded_capacity_risk_replaces_the_computed_one()
    {
        var ledger = new Ledger().Registered(T).Node("only", "v1.29.3", T)
            .DrainRisk("cap", DrainRiskKind.InsufficientSpareCapacity, T.AddHours(2), subject: "cluster");

        var finding = DrainReadiness.Evaluate(ledger.History(), T.AddDays(1)).OpenRisks.ShouldHaveSingleItem();

        finding.DetectedAt.ShouldBe(T.AddHours(2));
    }

    [Theory]
    [InlineData("4", 4)]
    [InlineData("3920m", 3.92)]
    [InlineData("16Gi", 17179869184)]
    [InlineData("15991428Ki", 16375222272)]
    [InlineData("1e3", 1000)]
    public void reads_kubernetes_quantities(string text, double expected) => ((double)Quantity.Parse(text)!.Value).ShouldBe(expected);
}
