using Compliance.Domain.Catalog;
using Compliance.Domain.Policies;
using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;
using static Compliance.Domain.Tests.Verdicts.Catalogs;

namespace Compliance.Domain.Tests.Verdicts;

public sealed class EolRiskTests
{
    private static readonly DateOnly Eol129 = Date(2025, 2, 28);

    // 1.29: active support ends 60 days before EOL, so 91 days before EOL is still low.
    // 1.30: active support ends 200 days before EOL, so the eoas rule shows on its own.
    private static readonly ReleaseCatalog Upstream = Of(Product("kubernetes",
        [
            Cycle("kubernetes", "1.29", eoas: Eol129.AddDays(-60), eol: Eol129),
            Cycle("kubernetes", "1.30", eoas: Date(2025, 6, 1), eol: Date(2025, 6, 1).AddDays(200)),
            Cycle("kubernetes", "1.31", eoas: Date(2025, 10, 28), eol: Date(2026, 2, 28), eoes: Date(2027, 2, 28)),
            Cycle("kubernetes", "1.25", eoas: null, eol: null, eolReached: true),
            Cycle("kubernetes", "1.32", eoas: null, eol: null),
        ],
        Patch("kubernetes", "1.29.3", Ledger.At(2024, 3, 14)),
        Patch("kubernetes", "1.29.4", Ledger.At(2024, 4, 16)),
        Patch("kubernetes", "1.29.5", Ledger.At(2024, 5, 14))));

    private static readonly ReleaseCatalog Eks = Of(
        Product("amazon-eks", [Cycle("amazon-eks", "1.29", eoas: null, eol: Date(2025, 3, 23), eoes: Date(2026, 3, 23))]),
        Product("kubernetes", [Cycle("kubernetes", "1.29", eoas: Date(2024, 12, 28), eol: Eol129)], Patch("kubernetes", "1.29.3", Ledger.At(2024, 3, 14))));

    private static ObservedVersion K8s(string gitVersion) => VersionParser.ParseKubernetes(gitVersion, Flavour.Upstream);

    private static EolAssessment Assess(string gitVersion, DateOnly asOf, MaintenancePolicy? policy = null) =>
        EolRisk.Assess(K8s(gitVersion), Upstream, policy ?? MaintenancePolicy.Default, asOf);

    [Theory]
    [InlineData(-1, EolLevel.High, 1)]
    [InlineData(0, EolLevel.Eol, 0)]
    [InlineData(1, EolLevel.Eol, -1)]
    [InlineData(-30, EolLevel.High, 30)]
    [InlineData(-31, EolLevel.Medium, 31)]
    [InlineData(-90, EolLevel.Medium, 90)]
    [InlineData(-91, EolLevel.Low, 91)]
    public void eol_day_boundaries_are_whole_days_and_the_eol_date_itself_is_eol(int daysFromEol, EolLevel expected, int daysLeft)
    {
        var verdict = Assess("v1.29.3", Eol129.AddDays(daysFromEol));

        verdict.Level.ShouldBe(expected);
        verdict.StandardSupport.ShouldBe(new SupportEnd(Eol129, daysLeft));
        verdict.ExtendedSupport.ShouldBeNull();
    }

    [Theory]
    [InlineData(2025, 5, 31, EolLevel.Low)]
    [InlineData(2025, 6, 1, EolLevel.Medium)]
    [InlineData(2025, 9, 1, EolLevel.Medium)]
    public void end_of_active_support_raises_the_level_to_medium_long_before_eol(int year, int month, int day, EolLevel expected) =>
        Assess("v1.30.2", Date(year, month, day)).Level.ShouldBe(expected);

    [Fact]
    public void thresholds_come_from_the_policy()
    {
        var policy = MaintenancePolicy.Default with { Eol = new EolThresholds(HighDays: 60, MediumDays: 120) };

        Assess("v1.29.3", Eol129.AddDays(-45), policy).Level.ShouldBe(EolLevel.High);
    }

    [Fact]
    public void a_cycle_that_ended_without_a_date_is_eol() => Assess("v1.25.16", Date(2024, 1, 1)).Level.ShouldBe(EolLevel.Eol);

    [Fact]
    public void a_cycle_with_no_eol_announced_is_low() => Assess("v1.32.1", Date(2025, 1, 1)).Level.ShouldBe(EolLevel.Low);

    // Each date beside its own count: end of standard support (eol 2025-03-23) and, where extended support counts, its
    // end (eoes 2026-03-23). The EKS rows used to show the eol date beside the days left to eoes.
    [Theory]
    [InlineData(2025, 3, 22, null, EolLevel.High, null, 1, 366)]
    [InlineData(2025, 3, 23, null, EolLevel.High, "extended support", 0, 365)]
    [InlineData(2026, 3, 22, null, EolLevel.High, "extended support", -364, 1)]
    [InlineData(2026, 3, 23, null, EolLevel.Eol, "extended support ended", -365, 0)]
    [InlineData(2025, 6, 1, false, EolLevel.Eol, null, -70, null)]
    [InlineData(2025, 3, 22, false, EolLevel.High, null, 1, null)]
    public void eks_extended_support_counts_by_default_until_eoes_and_each_date_has_its_own_days_left(
        int year, int month, int day, bool? extended, EolLevel expected, string? note, int standardDaysLeft, int? extendedDaysLeft)
    {
        var policy = MaintenancePolicy.Default with { ExtendedSupport = extended };
        var version = VersionParser.ParseKubernetes("v1.29.3-eks-adc7111", Flavour.Eks);

        var verdict = EolRisk.Assess(version, Eks, policy, Date(year, month, day));

        verdict.Level.ShouldBe(expected);
        verdict.Note.ShouldBe(note);
        verdict.StandardSupport.ShouldBe(new SupportEnd(Date(2025, 3, 23), standardDaysLeft));
        verdict.ExtendedSupport.ShouldBe(extendedDaysLeft is { } d ? new SupportEnd(Date(2026, 3, 23), d) : null);
        verdict.Deadline().ShouldBe(verdict.ExtendedSupport ?? verdict.StandardSupport);
    }

    [Fact]
    public void an_upstream_cycle_with_an_eoes_date_is_not_extended_by_default()
    {
        Assess("v1.31.4", Date(2026, 6, 1)).Level.ShouldBe(EolLevel.Eol);
        Assess("v1.31.4", Date(2026, 6, 1), MaintenancePolicy.Default with { ExtendedSupport = true }).Level.ShouldBe(EolLevel.High);
    }

    [Theory]
    [InlineData("not-a-version", "unparsable")]
    [InlineData("v1.40.2", "cycle 1.40 of kubernetes not in catalog")]
    public void a_version_or_cycle_that_is_not_known_is_unknown_never_low(string gitVersion, string noteStart)
    {
        var verdict = Assess(gitVersion, Date(2025, 1, 1));

        verdict.Level.ShouldBe(EolLevel.Unknown);
        verdict.Note.ShouldNotBeNull().ShouldStartWith(noteStart);
        verdict.PatchesBehind.ShouldBeNull();
    }

    [Fact]
    public void a_product_missing_from_the_catalog_is_unknown()
    {
        var verdict = EolRisk.Assess(VersionParser.ParseRuntime("containerd://1.7.15"), Upstream, MaintenancePolicy.Default, Date(2025, 1, 1));

        verdict.Level.ShouldBe(EolLevel.Unknown);
        verdict.Note.ShouldBe("no catalog for product containerd");
    }

    [Fact]
    public void reports_patches_behind_and_the_age_of_the_oldest_missing_patch()
    {
        var verdict = Assess("v1.29.3", Date(2024, 6, 1));

        verdict.PatchesBehind.ShouldBe(2);
        verdict.OldestMissingPatchAgeDays.ShouldBe(46);
        verdict.LatestPatch.ShouldBe("1.29.5");
    }

    [Fact]
    public void patches_released_after_the_day_asked_are_not_missing_yet()
    {
        var verdict = Assess("v1.29.3", Date(2024, 4, 15));

        verdict.PatchesBehind.ShouldBe(0);
        verdict.OldestMissingPatchAgeDays.ShouldBeNull();
        verdict.LatestPatch.ShouldBe("1.29.3");
    }
}
