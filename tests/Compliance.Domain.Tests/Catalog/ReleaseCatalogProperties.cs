using System.Globalization;
using Compliance.Domain.Catalog;
using FsCheck.Xunit;
using static Compliance.Domain.Tests.Catalog.CatalogSamples;

namespace Compliance.Domain.Tests.Catalog;

public sealed class ReleaseCatalogProperties
{
    private static readonly ReleaseCatalog Sample = SampleCatalog();

    private static long PatchNumber(PatchRelease patch) => long.Parse(patch.Version.Split('.')[2], CultureInfo.InvariantCulture);

    /// <summary>Any 1.29 patch number, any day from just before the cycle's release to well after its last patch.</summary>
    [Property(MaxTest = 300)]
    public void patches_behind_counts_exactly_the_released_patches_above_the_version(byte patch, ushort dayOffset)
    {
        var number = patch % 20;
        var asOf = Day(2023, 12, 1).AddDays(dayOffset % 840);

        var released = Sample.PatchesOf("kubernetes", "1.29", asOf);
        var behind = Sample.PatchesBehind(Kube(1, 29, number), asOf);

        behind.ShouldBe(released.Count(p => PatchNumber(p) > number));
        var latest = Sample.LatestPatch("kubernetes", "1.29", asOf);
        (behind == 0).ShouldBe(latest is null || PatchNumber(latest) <= number);
    }
}
