using System.Text.Json;
using Compliance.Application.Catalog;
using Compliance.Domain.Catalog;
using Compliance.Domain.Versions;

namespace Compliance.Application.Tests.Catalog;

/// <summary>Look-ups on the shipped snapshot (endoflife.date data as of 2026-08-22).</summary>
public sealed class ShippedCatalogTests
{
    private static readonly CatalogSnapshot Shipped = CatalogSnapshot.Embedded;
    private static readonly ReleaseCatalog Catalog = Shipped.Catalog;

    private static DateTimeOffset Day(int year, int month, int day) => CatalogDates.StartOfDay(new DateOnly(year, month, day));

    private static ObservedVersion Kubernetes(string version) => VersionParser.ParseForProduct("kubernetes", version);

    [Fact]
    public void every_product_keeps_its_provenance_and_retrieval_date()
    {
        Shipped.Provenance.Count.ShouldBe(Catalog.Products.Count);
        Shipped.Provenance.Count.ShouldBeGreaterThanOrEqualTo(30);
        var kubernetes = Shipped.Provenance["kubernetes"];
        kubernetes.RetrievedOn.ShouldBe(new DateOnly(2026, 8, 22));
        kubernetes.License.ShouldContain("MIT");
        kubernetes.Versions.ShouldContain("releases/kubernetes.json");
        Catalog.Product("kubernetes")!.Title.ShouldBe("Kubernetes");
    }

    [Fact]
    public void the_catalog_age_counts_days_since_the_oldest_retrieval()
    {
        Shipped.OldestRetrieval.ShouldBe(new DateOnly(2026, 8, 22));
        Shipped.AgeInDays(new DateOnly(2026, 11, 25)).ShouldBe(95);
    }

    [Fact]
    public void a_kubernetes_version_finds_its_cycle_and_support_dates()
    {
        var cycle = Catalog.CycleOf(Kubernetes("1.29.3")).ShouldNotBeNull();

        cycle.Cycle.ShouldBe("1.29");
        cycle.ReleaseDate.ShouldBe(new DateOnly(2023, 12, 13));
        cycle.Eoas.ShouldBe(new DateOnly(2024, 12, 28));
        cycle.Eol.ShouldBe(new DateOnly(2025, 2, 28));
    }

    [Fact]
    public void patches_up_to_a_date_come_in_version_order()
    {
        Catalog.PatchesOf("kubernetes", "1.29", Day(2024, 3, 14)).Select(p => p.Version)
            .ShouldBe(["1.29.0", "1.29.1", "1.29.2", "1.29.3"]);
    }

    [Fact]
    public void the_latest_patch_as_of_a_date_and_the_one_released_after_eol()
    {
        Catalog.LatestPatch("kubernetes", "1.29", Day(2025, 2, 28))!.Version.ShouldBe("1.29.14");

        var last = Catalog.LatestPatch("kubernetes", "1.29", Day(2025, 6, 1)).ShouldNotBeNull();

        last.Version.ShouldBe("1.29.15");
        last.ReleasedAt.ShouldBe(Day(2025, 3, 11));
        last.ReleasedAt.ShouldBeGreaterThan(Day(2025, 2, 28));
    }

    [Fact]
    public void a_version_behind_counts_every_later_patch_released_by_the_date()
    {
        Catalog.PatchesBehind(Kubernetes("1.29.3"), Day(2025, 3, 11)).ShouldBe(12);
        Catalog.OldestMissingPatch(Kubernetes("1.29.3"), Day(2025, 3, 11))!.Version.ShouldBe("1.29.4");
        Catalog.PatchesBehind(Kubernetes("1.29.15"), Day(2026, 8, 1)).ShouldBe(0);
    }

    [Fact]
    public void an_eks_control_plane_has_eks_support_dates_and_counts_upstream_kubernetes_patches()
    {
        var eks = VersionParser.ParseKubernetes("v1.29.3-eks-adc7111", Flavour.Eks);

        eks.Product.ShouldBe("amazon-eks");
        var cycle = Catalog.CycleOf(eks).ShouldNotBeNull();
        cycle.Eol.ShouldBe(new DateOnly(2025, 3, 23));
        cycle.Eoes.ShouldBe(new DateOnly(2026, 3, 23));
        Catalog.PatchesBehind(eks, Day(2025, 3, 11)).ShouldBe(12);
        Catalog.MissingPatches(eks, Day(2025, 3, 11)).ShouldAllBe(p => p.Product == "kubernetes");
    }

    [Fact]
    public void an_ubuntu_point_release_counts_the_later_point_releases()
    {
        var ubuntu = VersionParser.ParseForProduct("ubuntu", "22.04.3");

        Catalog.CycleOf(ubuntu)!.Eol.ShouldBe(new DateOnly(2027, 4, 1));
        Catalog.MissingPatches(ubuntu, Day(2024, 10, 1)).Select(p => p.Version).ShouldBe(["22.04.4", "22.04.5"]);
    }

    [Fact]
    public void an_unknown_version_has_no_cycle_and_no_patch_position()
    {
        var unknown = VersionParser.ParseForProduct("kubernetes", "not-a-version");

        Catalog.CycleOf(unknown).ShouldBeNull();
        Catalog.PatchesBehind(unknown, Day(2025, 3, 11)).ShouldBeNull();
    }

    [Fact]
    public void a_product_without_patch_data_has_no_patch_position()
    {
        var rhel = VersionParser.ParseForProduct("rhel", "9.4");

        Catalog.CycleOf(rhel).ShouldNotBeNull();
        Catalog.PatchesBehind(rhel, Day(2025, 3, 11)).ShouldBeNull();
    }

    [Fact]
    public void eol_true_and_eol_false_are_told_apart()
    {
        Catalog.Cycle("fluent-bit", "1.7")!.EolReached.ShouldBeTrue();
        var open = Catalog.Cycle("linux-kernel", "7.1").ShouldNotBeNull();
        (open.Eol, open.EolReached).ShouldBe((null, false));
    }

    [Fact]
    public void every_source_version_is_either_in_a_cycle_or_listed_as_unassigned()
    {
        foreach (var file in Directory.GetFiles(RepositoryPaths.CatalogSource, "*.json"))
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
            var product = doc.RootElement.GetProperty("product").GetString()!;
            var versions = doc.RootElement.GetProperty("versions").GetArrayLength();

            (Catalog.Product(product)!.Patches.Count + Shipped.Unassigned[product].Count).ShouldBe(versions, product);
        }
    }

    [Fact]
    public void the_shipped_catalog_holds_every_product_of_the_catalog_data()
    {
        Catalog.Products.Count.ShouldBe(78);
        Catalog.Products.Select(p => p.Product)
            .ShouldBe(Directory.GetFiles(RepositoryPaths.CatalogSource, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void every_product_keeps_the_identifiers_its_source_lists_in_their_order()
    {
        foreach (var file in Directory.GetFiles(RepositoryPaths.CatalogSource, "*.json"))
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
            var product = doc.RootElement.GetProperty("product").GetString()!;
            var listed = doc.RootElement.GetProperty("identifiers").EnumerateArray()
                .Select(i => i.EnumerateObject().Single())
                .Select(p => $"{p.Name} {p.Value.GetString()}");

            Catalog.Product(product)!.Identifiers.Select(i => $"{i.Kind.ToString().ToLowerInvariant()} {i.Value}").ShouldBe(listed, product);
        }
        Catalog.Products.Count(p => p.Identifiers.Count > 0).ShouldBe(73);
        Catalog.Products.Count(p => p.Identifiers.Any(i => i.Kind == IdentifierKind.Purl)).ShouldBe(49);
    }

    [Fact]
    public void every_listed_purl_finds_its_own_product_with_any_version()
    {
        var wrong = Catalog.Products
            .SelectMany(p => p.Identifiers.Where(i => i.Kind == IdentifierKind.Purl).Select(i => (p.Product, Purl: i.Value)))
            .Select(x => (x.Product, x.Purl, Found: Catalog.ProductByPurl(WithVersion(x.Purl, "1.2.3"))?.Product))
            .Where(x => x.Found != x.Product)
            .Select(x => $"{x.Purl}: {x.Found ?? "none"}, not {x.Product}")
            .ToList();

        wrong.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("pkg:docker/library/postgres@17.2", "postgresql")]
    [InlineData("pkg:docker/cilium/cilium@v1.16.3", "cilium")]
    [InlineData("pkg:oci/karpenter@1.0.6?repository_url=public.ecr.aws/karpenter", "karpenter")]
    [InlineData("pkg:oci/argocd@v2.13.1?repository_url=quay.io/argoproj", "argo-cd")]
    [InlineData("pkg:github/kubernetes/kubernetes@v1.31.2", "kubernetes")]
    [InlineData("pkg:github/clickhouse/clickhouse@v24.8.4.13-lts", "clickhouse")]
    [InlineData("pkg:golang/github.com/caddyserver/caddy/v2@v2.8.4", "caddy")]
    public void an_image_or_package_purl_finds_its_product(string purl, string product)
    {
        Catalog.ProductByPurl(purl).ShouldNotBeNull().Product.ShouldBe(product);
    }

    [Fact]
    public void a_purl_no_product_lists_finds_none()
    {
        Catalog.ProductByPurl("pkg:docker/library/busybox@1.36").ShouldBeNull();
        Catalog.ProductByPurl("cpe:2.3:a:postgresql:postgresql").ShouldBeNull();
    }

    [Fact]
    public void unassigned_kubernetes_versions_are_those_older_than_the_oldest_listed_cycle()
    {
        var unassigned = Shipped.Unassigned["kubernetes"];

        unassigned.ShouldNotBeEmpty();
        unassigned.ShouldAllBe(p => Kubernetes(p.Version).Key < new VersionKey(1, 16));
        Catalog.PatchesOf("linux-kernel", "5.15", Day(2026, 8, 22)).Count.ShouldBeGreaterThan(200);
    }

    /// <summary>The purl with <c>@version</c> put before its qualifiers, as a scanner reports a versioned package.</summary>
    private static string WithVersion(string purl, string version)
    {
        var at = purl.IndexOfAny(['?', '#']);
        return at < 0 ? $"{purl}@{version}" : $"{purl[..at]}@{version}{purl[at..]}";
    }
}
