using Compliance.Domain.Catalog;
using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;
using static Compliance.Domain.Tests.Verdicts.Catalogs;

namespace Compliance.Domain.Tests.Verdicts;

/// <summary>DOMAIN.md "Patch latency": the clock of a day-only release, managed builds, and the one patch count.</summary>
public sealed class PatchClockTests
{
    private static readonly DateOnly ReleaseDay = Date(2026, 7, 14);

    private static ReleaseCatalog FluentBit(DateTimeOffset released) => Of(Product("fluent-bit",
        [Cycle("fluent-bit", "5.0", eoas: null, eol: Date(2026, 11, 6))],
        Patch("fluent-bit", "5.0.8", Ledger.At(2026, 6, 20)),
        new PatchRelease("fluent-bit", "5.0", "5.0.9", released)));

    private static PatchLatencyVerdict FluentBitVerdict(DateTimeOffset released, TimeSpan appliedAfterMidnight)
    {
        var history = new Ledger()
            .AddOn("fluent-bit", "fluent-bit", "cr.fluentbit.io/fluent/fluent-bit:5.0.8", "fluent-bit", Ledger.At(2026, 6, 25), ns: "logging")
            .AddOn("fluent-bit", "fluent-bit", "cr.fluentbit.io/fluent/fluent-bit:5.0.9", "fluent-bit", CatalogDates.StartOfDay(ReleaseDay) + appliedAfterMidnight, ns: "logging")
            .History();
        return PatchLatency.Evaluate(history, FluentBit(released), Ledger.At(2026, 9, 1)).Single(v => v.Patch == "5.0.9");
    }

    // fluent-bit 5.0.9 is known to the day only: its clock starts at the end of 2026-07-14 (00:00 UTC on the 15th), so
    // applying it in the window 35 days and 6 h 22 m after that day began is within the 35 days; it was "breached by 6 h 22 m".
    [Theory]
    [InlineData(35, 6, 22, SlaStatus.Met)]
    [InlineData(36, 0, 0, SlaStatus.Met)]
    [InlineData(36, 1, 0, SlaStatus.Breached)]
    [InlineData(0, 9, 30, SlaStatus.Met)]
    public void a_release_known_only_to_the_day_starts_its_clock_at_the_end_of_that_day(int days, int hours, int minutes, SlaStatus expected)
    {
        var applied = TimeSpan.FromDays(days) + TimeSpan.FromHours(hours) + TimeSpan.FromMinutes(minutes);

        var verdict = FluentBitVerdict(CatalogDates.StartOfDay(ReleaseDay), applied);

        verdict.DayOnly.ShouldBeTrue();
        verdict.ClockFrom.ShouldBe(CatalogDates.StartOfDay(ReleaseDay.AddDays(1)));
        verdict.DueAt.ShouldBe(CatalogDates.StartOfDay(ReleaseDay.AddDays(36)));
        verdict.Status.ShouldBe(expected);
        verdict.Latency.ShouldBe(applied > TimeSpan.FromDays(1) ? applied - TimeSpan.FromDays(1) : TimeSpan.Zero);
    }

    [Fact]
    public void a_release_with_a_known_time_starts_its_clock_at_that_time()
    {
        var released = CatalogDates.StartOfDay(ReleaseDay).AddHours(14);

        var verdict = FluentBitVerdict(released, TimeSpan.FromDays(35) + TimeSpan.FromHours(15));

        verdict.DayOnly.ShouldBeFalse();
        verdict.ClockFrom.ShouldBe(released);
        verdict.DueAt.ShouldBe(released.AddDays(35));
        verdict.Status.ShouldBe(SlaStatus.Breached);
    }

    private static readonly ReleaseCatalog Gke = Of(Product("google-kubernetes-engine",
        [Cycle("google-kubernetes-engine", "1.33", eoas: Date(2026, 8, 1), eol: Date(2026, 10, 1))],
        Patch("google-kubernetes-engine", "1.33.4-gke.1000000", Ledger.At(2026, 1, 10)),
        Patch("google-kubernetes-engine", "1.33.5-gke.1080000", Ledger.At(2026, 2, 3)),
        Patch("google-kubernetes-engine", "1.33.5-gke.1162000", Ledger.At(2026, 2, 17)),
        Patch("google-kubernetes-engine", "1.33.5-gke.1201000", Ledger.At(2026, 3, 2)),
        Patch("google-kubernetes-engine", "1.33.6-gke.1050000", Ledger.At(2026, 3, 20))));

    // One missed window on a GKE cluster used to count each build of 1.33.5 as a patch of its own (three breaches here).
    [Fact]
    public void the_builds_of_one_upstream_level_are_one_patch_on_a_managed_flavour()
    {
        var history = new Ledger().Registered(Ledger.At(2026, 1, 1), Flavour.Gke)
            .ControlPlane("v1.33.4-gke.1000000", Ledger.At(2026, 1, 20))
            .ControlPlane("v1.33.5-gke.1080000", Ledger.At(2026, 4, 2))
            .History();

        var verdicts = PatchLatency.Evaluate(history, Gke, Ledger.At(2026, 4, 10));

        verdicts.Select(v => (v.Patch, v.ReleasedAt, v.AppliedAt)).ShouldBe(
        [
            ("1.33.5", Ledger.At(2026, 2, 3), (DateTimeOffset?)Ledger.At(2026, 4, 2)),
            ("1.33.6", Ledger.At(2026, 3, 20), null),
        ]);
    }

    [Theory]
    [InlineData("v1.33.5-gke.1080000", 1)]
    [InlineData("v1.33.5-gke.1201000", 1)]
    [InlineData("v1.33.4-gke.1000000", 2)]
    [InlineData("v1.33.6-gke.1050000", 0)]
    public void a_managed_version_is_behind_by_upstream_levels_not_by_vendor_builds(string gitVersion, int behind)
    {
        var version = VersionParser.ParseKubernetes(gitVersion, Flavour.Gke);

        Gke.PatchesBehind(version, Ledger.At(2026, 4, 1)).ShouldBe(behind);
        Gke.PatchLevelsOf("google-kubernetes-engine", "1.33", Ledger.At(2026, 4, 1)).Select(p => p.Version).ShouldBe(["1.33.4", "1.33.5", "1.33.6"]);
        Gke.PatchesOf("google-kubernetes-engine", "1.33", Ledger.At(2026, 4, 1)).Count.ShouldBe(5);
    }

    private static readonly DateTimeOffset R = Ledger.At(2026, 3, 10, 12);

    private static readonly ReleaseCatalog Kubernetes = Of(Product("kubernetes",
        [Cycle("kubernetes", "1.29", eoas: Date(2026, 10, 1), eol: Date(2026, 12, 1))],
        Patch("kubernetes", "1.29.3", R.AddDays(-30)), Patch("kubernetes", "1.29.4", R), Patch("kubernetes", "1.29.5", R.AddDays(40))));

    // The CLI counted a patch once per component group (control plane, kubelets, kube-proxies), the report once per
    // cluster: one patch missed on three groups was three patches due in one place and one in the other.
    [Fact]
    public void one_patch_on_one_cluster_counts_once_whatever_component_groups_ran_an_older_version()
    {
        var history = new Ledger()
            .ControlPlane("v1.29.3", R.AddDays(-20))
            .Node("a", "v1.29.3", R.AddDays(-20))
            .ControlPlane("v1.29.4", R.AddDays(2))
            .Node("a", "v1.29.4", R.AddDays(3))
            .History();
        var asOf = R.AddDays(60);
        var verdicts = PatchLatency.Evaluate(history, Kubernetes, asOf);

        var period = PatchLatency.ForPeriod(verdicts, Days.Of(R), Days.Of(R.AddDays(30)), asOf);

        verdicts.Count(v => v.Patch == "1.29.4").ShouldBe(3);
        var row = period.Rows.ShouldHaveSingleItem();
        row.Patch.ShouldBe("1.29.4");
        row.Kinds.ShouldBe([ComponentKind.ControlPlane, ComponentKind.Kubelet, ComponentKind.KubeProxy]);
        row.AppliedAt.ShouldBe(R.AddDays(3));
        (period.Patches, period.Due, period.AppliedWithinSla, period.Breached, period.Open).ShouldBe((1, 1, 1, 0, 0));
    }

    [Theory]
    [InlineData(0, 30, 30, 1)]
    [InlineData(0, 60, 60, 2)]
    [InlineData(35, 60, 60, 1)]
    [InlineData(0, 60, 20, 1)]
    public void the_same_verdicts_period_and_as_of_give_the_same_rows(int fromDays, int toDays, int asOfDays, int rows)
    {
        var history = new Ledger().ControlPlane("v1.29.3", R.AddDays(-20)).History();
        var verdicts = PatchLatency.Evaluate(history, Kubernetes, R.AddDays(90));
        var asOf = R.AddDays(asOfDays);

        var first = PatchLatency.ForPeriod(verdicts, Days.Of(R.AddDays(fromDays)), Days.Of(R.AddDays(toDays)), asOf);
        var again = PatchLatency.ForPeriod(verdicts.Reverse(), Days.Of(R.AddDays(fromDays)), Days.Of(R.AddDays(toDays)), asOf);

        first.Rows.Count.ShouldBe(rows);
        again.Rows.Select(Row).ShouldBe(first.Rows.Select(Row));
        (again.Patches, again.Due, again.Breached, again.Open).ShouldBe((first.Patches, first.Due, first.Breached, first.Open));
    }

    private static string Row(ClusterPatch p) => $"{p.ClusterId} {p.Product} {p.Patch} {string.Join(",", p.Kinds)} {p.DueAt:O} {p.AppliedAt:O} {p.Status}";
}
