using Compliance.Domain.Catalog;
using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;
using static Compliance.Domain.Tests.Verdicts.Catalogs;

namespace Compliance.Domain.Tests.Verdicts;

public sealed class PatchLatencyTests
{
    private static readonly DateTimeOffset R = Ledger.At(2026, 3, 10, 12);

    private static ProductReleases Kubernetes(params PatchRelease[] patches) => Product("kubernetes",
        [
            Cycle("kubernetes", "1.28", eoas: Date(2026, 6, 1), eol: Date(2026, 8, 1)),
            Cycle("kubernetes", "1.29", eoas: Date(2026, 10, 1), eol: Date(2026, 12, 1)),
        ],
        [Patch("kubernetes", "1.28.3", R.AddDays(-90)), Patch("kubernetes", "1.29.2", R.AddDays(-60)), Patch("kubernetes", "1.29.3", R.AddDays(-30)), .. patches]);

    private static ReleaseCatalog CriticalAt(string version) => new(
        [Kubernetes(Patch("kubernetes", version, R))],
        [Critical("kubernetes", version, R)]);

    [Theory]
    [InlineData(60, SlaStatus.Met)]
    [InlineData(72, SlaStatus.Met)]
    [InlineData(80, SlaStatus.Breached)]
    public void a_critical_patch_must_be_applied_within_72_hours(int hours, SlaStatus expected)
    {
        var history = new Ledger()
            .ControlPlane("v1.29.3", R.AddDays(-20))
            .ControlPlane("v1.29.4", R.AddHours(hours))
            .History();

        var verdict = PatchLatency.Evaluate(history, CriticalAt("1.29.4"), R.AddDays(10)).Single();

        verdict.Critical.ShouldBeTrue();
        verdict.DueAt.ShouldBe(R.AddHours(72));
        verdict.AppliedAt.ShouldBe(R.AddHours(hours));
        verdict.Latency.ShouldBe(TimeSpan.FromHours(hours));
        verdict.Status.ShouldBe(expected);
        verdict.Evidence.ShouldNotBeNull();
    }

    [Theory]
    [InlineData(34, 40, SlaStatus.Met)]
    [InlineData(36, 40, SlaStatus.Breached)]
    public void other_patches_must_be_applied_within_35_days(int appliedAfterDays, int asOfDays, SlaStatus expected)
    {
        var history = new Ledger()
            .ControlPlane("v1.29.3", R.AddDays(-20))
            .ControlPlane("v1.29.4", R.AddDays(appliedAfterDays))
            .History();

        var verdict = PatchLatency.Evaluate(history, Of(Kubernetes(Patch("kubernetes", "1.29.4", R))), R.AddDays(asOfDays)).Single();

        verdict.Critical.ShouldBeFalse();
        verdict.DueAt.ShouldBe(R.AddDays(35));
        verdict.Status.ShouldBe(expected);
    }

    [Theory]
    [InlineData(20, SlaStatus.Open)]
    [InlineData(35, SlaStatus.Open)]
    [InlineData(40, SlaStatus.Breached)]
    public void an_unapplied_patch_is_open_until_due_and_breached_after(int asOfDays, SlaStatus expected)
    {
        var history = new Ledger().ControlPlane("v1.29.3", R.AddDays(-20)).History();

        var verdict = PatchLatency.Evaluate(history, Of(Kubernetes(Patch("kubernetes", "1.29.4", R))), R.AddDays(asOfDays)).Single();

        verdict.AppliedAt.ShouldBeNull();
        verdict.Latency.ShouldBeNull();
        verdict.Age.ShouldBe(TimeSpan.FromDays(asOfDays));
        verdict.Status.ShouldBe(expected);
    }

    [Fact]
    public void upgrading_to_a_later_cycle_applies_every_pending_patch_of_the_old_cycle_at_the_upgrade()
    {
        var upgrade = R.AddDays(50);
        var history = new Ledger()
            .ControlPlane("v1.28.3", R.AddDays(-80))
            .ControlPlane("v1.29.3", upgrade)
            .History();
        var catalog = Of(Kubernetes(Patch("kubernetes", "1.28.4", R), Patch("kubernetes", "1.28.5", R.AddDays(20))));

        var verdicts = PatchLatency.Evaluate(history, catalog, R.AddDays(60));

        verdicts.Select(v => (v.Patch, v.AppliedAt, v.Status)).ShouldBe(
        [
            ("1.28.4", (DateTimeOffset?)upgrade, SlaStatus.Breached),
            ("1.28.5", (DateTimeOffset?)upgrade, SlaStatus.Met),
        ]);
    }

    [Fact]
    public void patches_of_a_cycle_the_component_was_not_on_at_release_do_not_count()
    {
        var history = new Ledger().ControlPlane("v1.29.3", R.AddDays(-20)).History();

        PatchLatency.Evaluate(history, Of(Kubernetes(Patch("kubernetes", "1.28.4", R))), R.AddDays(10)).ShouldBeEmpty();
    }

    [Fact]
    public void kubelets_are_patched_when_the_last_node_gets_there()
    {
        var history = new Ledger()
            .Node("a", "v1.29.3", R.AddDays(-20))
            .Node("b", "v1.29.3", R.AddDays(-20))
            .Node("a", "v1.29.4", R.AddDays(1))
            .Node("b", "v1.29.4", R.AddDays(3))
            .History();

        var kubelet = PatchLatency.Evaluate(history, Of(Kubernetes(Patch("kubernetes", "1.29.4", R))), R.AddDays(10))
            .Single(v => v.Kind == ComponentKind.Kubelet);

        kubelet.AppliedAt.ShouldBe(R.AddDays(3));
    }

    [Fact]
    public void replacing_the_last_old_node_applies_the_patch_when_it_leaves()
    {
        var history = new Ledger()
            .Node("a", "v1.29.3", R.AddDays(-20))
            .Node("b", "v1.29.3", R.AddDays(-20))
            .Node("c", "v1.29.4", R.AddDays(1))
            .NodeRemoved("a", R.AddDays(1))
            .Node("d", "v1.29.4", R.AddDays(2))
            .NodeRemoved("b", R.AddDays(2).AddMinutes(5))
            .History();

        var kubelet = PatchLatency.Evaluate(history, Of(Kubernetes(Patch("kubernetes", "1.29.4", R))), R.AddDays(10))
            .Single(v => v.Kind == ComponentKind.Kubelet);

        kubelet.AppliedAt.ShouldBe(R.AddDays(2).AddMinutes(5));
    }

    [Fact]
    public void eks_versions_are_judged_against_upstream_kubernetes_patches()
    {
        var catalog = new ReleaseCatalog(
            [
                Kubernetes(Patch("kubernetes", "1.29.4", R)),
                Product("amazon-eks", [Cycle("amazon-eks", "1.29", eoas: null, eol: Date(2027, 1, 1), eoes: Date(2028, 1, 1))]),
            ],
            [Critical("kubernetes", "1.29.4", R)]);
        var history = new Ledger()
            .Registered(R.AddDays(-30), Flavour.Eks)
            .ControlPlane("v1.29.3-eks-adc7111", R.AddDays(-20))
            .ControlPlane("v1.29.4-eks-1b2c3d4", R.AddHours(80))
            .History();

        var verdict = PatchLatency.Evaluate(history, catalog, R.AddDays(10)).Single(v => v.Kind == ComponentKind.ControlPlane);

        verdict.Product.ShouldBe("amazon-eks");
        verdict.Status.ShouldBe(SlaStatus.Breached);
    }

    [Fact]
    public void compliance_counts_patches_applied_within_sla_among_those_due()
    {
        var history = new Ledger()
            .ControlPlane("v1.29.3", R.AddDays(-20))
            .ControlPlane("v1.29.4", R.AddDays(10))
            .History();
        var catalog = Of(Kubernetes(Patch("kubernetes", "1.29.4", R), Patch("kubernetes", "1.29.5", R.AddDays(5))));
        var asOf = R.AddDays(30);

        var verdicts = PatchLatency.Evaluate(history, catalog, asOf);
        var compliance = PatchLatency.Compliance(verdicts, asOf);

        verdicts.Count.ShouldBe(2);
        compliance.ShouldBe(new PatchCompliance(AppliedWithinSla: 1, Due: 1));
        compliance.Ratio.ShouldBe(1.0);
        PatchLatency.Compliance(verdicts, R.AddDays(45)).Due.ShouldBe(2);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(30)]
    [InlineData(50)]
    public void a_verdict_computed_later_seen_as_of_an_earlier_instant_equals_evaluating_then(int days)
    {
        var history = new Ledger()
            .Node("a", "v1.28.3", R.AddDays(-20))
            .Node("b", "v1.28.3", R.AddDays(-20))
            .Node("a", "v1.28.4", R.AddDays(1))
            .Node("b", "v1.29.3", R.AddDays(3))
            .History();
        var catalog = CriticalAt("1.28.4");
        var asOf = R.AddDays(days);

        var replayed = PatchLatency.Evaluate(history, catalog, R.AddDays(60)).Select(v => PatchLatency.At(v, asOf)).OfType<PatchLatencyVerdict>();

        replayed.ShouldBe(PatchLatency.Evaluate(history, catalog, asOf));
    }
}
