using Compliance.Domain.Catalog;
using Compliance.Domain.Versions;
using static Compliance.Domain.Tests.Catalog.CatalogSamples;

namespace Compliance.Domain.Tests.Catalog;

public sealed class ReleaseCatalogLookupTests
{
    private readonly ReleaseCatalog catalog = SampleCatalog();

    [Fact]
    public void cycle_of_a_version_is_found_by_its_product_and_cycle_with_its_support_dates()
    {
        var cycle = catalog.CycleOf(Kube(1, 29, 3)).ShouldNotBeNull();

        cycle.Cycle.ShouldBe("1.29");
        cycle.Eoas.ShouldBe(new DateOnly(2024, 12, 28));
        cycle.Eol.ShouldBe(new DateOnly(2025, 2, 28));
    }

    [Fact]
    public void cycle_of_an_eks_version_carries_the_eks_support_dates()
    {
        var cycle = catalog.CycleOf(Observed("amazon-eks", "1.29", "eks-adc7111", 1, 29, 3)).ShouldNotBeNull();

        cycle.Product.ShouldBe("amazon-eks");
        cycle.Eol.ShouldBe(new DateOnly(2025, 3, 23));
        cycle.Eoes.ShouldBe(new DateOnly(2026, 3, 23));
    }

    [Fact]
    public void cycle_of_an_unknown_version_or_an_unknown_cycle_is_null()
    {
        catalog.CycleOf(ObservedVersion.Unknown("garbage", "not a version")).ShouldBeNull();
        catalog.CycleOf(Kube(1, 99, 0)).ShouldBeNull();
        catalog.Cycle("no-such-product", "1.29").ShouldBeNull();
    }

    [Fact]
    public void patches_up_to_a_date_are_those_released_at_or_before_it_in_version_order()
    {
        var patches = catalog.PatchesOf("kubernetes", "1.29", Day(2024, 2, 14));

        patches.Select(p => p.Version).ShouldBe(["1.29.0", "1.29.1", "1.29.2"]);
    }

    [Fact]
    public void a_patch_counts_as_released_from_midnight_utc_of_its_date()
    {
        catalog.PatchesOf("kubernetes", "1.29", Day(2024, 2, 14).AddTicks(-1)).Count.ShouldBe(2);
        catalog.PatchesOf("kubernetes", "1.29", Day(2024, 2, 14)).Count.ShouldBe(3);
    }

    [Fact]
    public void latest_patch_as_of_a_date_is_the_highest_version_released_by_then()
    {
        catalog.LatestPatch("kubernetes", "1.29", Day(2024, 12, 1))!.Version.ShouldBe("1.29.10");
        catalog.LatestPatch("kubernetes", "1.29", Day(2023, 12, 1)).ShouldBeNull();
    }

    [Fact]
    public void latest_patch_dated_after_the_cycle_eol_is_still_found()
    {
        var eol = catalog.Cycle("kubernetes", "1.29")!.Eol!.Value;

        var latest = catalog.LatestPatch("kubernetes", "1.29", Day(2025, 6, 1)).ShouldNotBeNull();

        latest.Version.ShouldBe("1.29.15");
        DateOnly.FromDateTime(latest.ReleasedAt.UtcDateTime).ShouldBeGreaterThan(eol);
    }

    [Fact]
    public void missing_patches_are_newer_versions_of_the_cycle_released_by_the_date()
    {
        var missing = catalog.MissingPatches(Kube(1, 29, 1), Day(2024, 11, 1));

        missing.Select(p => p.Version).ShouldBe(["1.29.2", "1.29.3", "1.29.10"]);
        catalog.PatchesBehind(Kube(1, 29, 1), Day(2024, 11, 1)).ShouldBe(3);
    }

    [Fact]
    public void the_oldest_missing_patch_is_the_earliest_released_one()
    {
        catalog.OldestMissingPatch(Kube(1, 29, 1), Day(2024, 11, 1))!.Version.ShouldBe("1.29.2");
        catalog.OldestMissingPatch(Kube(1, 29, 15), Day(2025, 6, 1)).ShouldBeNull();
    }

    [Fact]
    public void a_version_on_the_latest_patch_is_zero_behind()
    {
        catalog.PatchesBehind(Kube(1, 29, 15), Day(2025, 6, 1)).ShouldBe(0);
        catalog.PatchesBehind(Kube(1, 30, 0), Day(2025, 6, 1)).ShouldBe(0);
    }

    [Fact]
    public void eks_and_aks_versions_are_placed_among_upstream_kubernetes_patches()
    {
        PatchSources.PatchProductFor("amazon-eks").ShouldBe("kubernetes");
        PatchSources.PatchProductFor("azure-kubernetes-service").ShouldBe("kubernetes");
        PatchSources.PatchProductFor("ubuntu").ShouldBe("ubuntu");

        catalog.PatchesBehind(Observed("amazon-eks", "1.29", "eks-adc7111", 1, 29, 2), Day(2024, 11, 1)).ShouldBe(2);
        catalog.PatchesBehind(Observed("azure-kubernetes-service", "1.29", "", 1, 29, 3), Day(2024, 11, 1)).ShouldBe(1);
        catalog.PatchesOf("amazon-eks", "1.29", Day(2024, 2, 14)).Select(p => p.Product).Distinct().ShouldBe(["kubernetes"]);
    }

    [Fact]
    public void patches_behind_cannot_be_told_for_an_unknown_version()
    {
        var unknown = ObservedVersion.Unknown("v1.29.x", "not a version", "kubernetes");

        catalog.PatchesBehind(unknown, Day(2025, 6, 1)).ShouldBeNull();
        catalog.MissingPatches(unknown, Day(2025, 6, 1)).ShouldBeEmpty();
        catalog.PatchesBehindUnknownReason(unknown).ShouldNotBeNull();
    }

    [Fact]
    public void patches_behind_cannot_be_told_for_openshift_whose_git_version_is_the_kubernetes_one()
    {
        catalog.PatchesBehind(Observed("red-hat-openshift", "4.16", "", 4, 16, 1), Day(2025, 6, 1)).ShouldBeNull();
    }

    [Fact]
    public void patches_behind_cannot_be_told_for_a_distribution_kernel_but_can_for_an_upstream_one()
    {
        var ubuntu = Observed("linux-kernel", "5.15", "1057-azure", 5, 15, 0) with { MaintainedBy = new MaintainedBy("ubuntu", "22.04") };
        catalog.PatchesBehind(ubuntu, Day(2025, 6, 1)).ShouldBeNull();
        catalog.PatchesBehindUnknownReason(ubuntu).ShouldNotBeNull().ShouldContain("maintained by ubuntu 22.04");
        catalog.PatchesBehind(Observed("linux-kernel", "5.15", "", 5, 15, 1), Day(2025, 6, 1)).ShouldBe(1);
    }

    [Fact]
    public void patches_behind_cannot_be_told_without_patch_data_for_the_product_or_the_cycle()
    {
        catalog.PatchesBehind(Observed("rhel", "9", "", 9, 4), Day(2025, 6, 1)).ShouldBeNull();
        catalog.PatchesBehind(Kube(1, 28, 4), Day(2025, 6, 1)).ShouldBeNull();
        catalog.PatchesBehindUnknownReason(Kube(1, 28, 4)).ShouldNotBeNull().ShouldContain("1.28");
    }
}
