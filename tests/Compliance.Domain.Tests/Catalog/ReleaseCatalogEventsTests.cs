using Compliance.Domain.Catalog;
using Compliance.Domain.Events;
using static Compliance.Domain.Tests.Catalog.CatalogSamples;

namespace Compliance.Domain.Tests.Catalog;

public sealed class ReleaseCatalogEventsTests
{
    private static readonly DateTimeOffset At = Day(2025, 4, 1);
    private readonly ReleaseCatalog snapshot = SampleCatalog();

    [Fact]
    public void a_recorded_cycle_replaces_the_snapshot_cycle_of_the_same_name()
    {
        var later = snapshot.With([
            new ReleaseCycleRecorded("kubernetes", "1.29", new DateOnly(2023, 12, 13), null, new DateOnly(2025, 3, 31), null, false, "endoflife.date", At),
        ]);

        later.Cycle("kubernetes", "1.29")!.Eol.ShouldBe(new DateOnly(2025, 3, 31));
        snapshot.Cycle("kubernetes", "1.29")!.Eol.ShouldBe(new DateOnly(2025, 2, 28));
        later.Product("kubernetes")!.Cycles.Count.ShouldBe(2);
    }

    [Fact]
    public void a_recorded_cycle_of_a_new_product_creates_the_product()
    {
        var later = snapshot.With([
            new ReleaseCycleRecorded("cert-manager", "1.15", new DateOnly(2024, 6, 5), null, null, null, true, "endoflife.date", At),
        ]);

        var product = later.Product("cert-manager").ShouldNotBeNull();
        product.Source.RetrievedOn.ShouldBe(new DateOnly(2025, 4, 1));
        later.Cycle("cert-manager", "1.15")!.EolReached.ShouldBeTrue();
    }

    [Fact]
    public void a_released_patch_joins_the_look_ups_and_a_replayed_one_changes_nothing()
    {
        var released = new PatchReleased("kubernetes", "1.29", "1.29.16", Day(2025, 4, 15), At);

        var later = snapshot.With([released, released]).With([released]);

        later.Product("kubernetes")!.Patches.Count(p => p.Version == "1.29.16").ShouldBe(1);
        later.LatestPatch("kubernetes", "1.29", Day(2025, 5, 1))!.Version.ShouldBe("1.29.16");
        later.PatchesBehind(Kube(1, 29, 14), Day(2025, 5, 1)).ShouldBe(2);
        snapshot.PatchesBehind(Kube(1, 29, 14), Day(2025, 5, 1)).ShouldBe(1);
    }

    [Fact]
    public void a_published_vulnerability_marks_its_fixing_patch_critical_and_a_republication_replaces_it()
    {
        var patch = snapshot.LatestPatch("kubernetes", "1.29", Day(2024, 3, 20))!;
        var published = new VulnerabilityPublished("kubernetes", "CVE-2024-0001", Severity.High, "s", "u", ["1.29.3"], Day(2024, 3, 1), At);
        var upgraded = published with { Severity = Severity.Critical };

        var first = snapshot.With([published]);
        var second = first.With([upgraded]);

        first.IsCritical(patch).ShouldBeFalse();
        second.IsCritical(patch).ShouldBeTrue();
        second.Vulnerabilities.Count.ShouldBe(1);
    }

    [Fact]
    public void products_no_event_touches_are_left_as_they_were()
    {
        var later = snapshot.With([new PatchReleased("kubernetes", "1.30", "1.30.1", Day(2024, 5, 15), At)]);

        later.Product("amazon-eks").ShouldBeSameAs(snapshot.Product("amazon-eks"));
        later.Products.Count.ShouldBe(snapshot.Products.Count);
    }
}
