using Compliance.Domain.Catalog;

namespace Compliance.Domain.Tests.Catalog;

/// <summary>Package URLs as endoflife.date lists them and as image and package scanners report them.</summary>
public sealed class PackageUrlTests
{
    private static readonly Provenance Source = new("test cycles", "test versions", "MIT", new DateOnly(2026, 8, 22));

    [Theory]
    [InlineData("pkg:docker/library/postgres", "docker", "library", "postgres", null)]
    [InlineData("pkg:docker/library/postgres@17.2", "docker", "library", "postgres", "17.2")]
    [InlineData("pkg:oci/argocd?repository_url=quay.io/argoproj", "oci", "", "argocd", null)]
    [InlineData("pkg:oci/argocd@sha256%3A0f1e?repository_url=ghcr.io/argoproj&tag=v2.13.1", "oci", "", "argocd", "sha256:0f1e")]
    [InlineData("pkg:golang/github.com/caddyserver/caddy/v2@v2.8.4", "golang", "github.com/caddyserver/caddy", "v2", "v2.8.4")]
    [InlineData("pkg:github/ClickHouse/ClickHouse", "github", "ClickHouse", "ClickHouse", null)]
    [InlineData("pkg:maven/org.apache.zookeeper/zookeeper@3.9.2#sources", "maven", "org.apache.zookeeper", "zookeeper", "3.9.2")]
    [InlineData("PKG:Swid/alpine?tag_id=alpine", "swid", "", "alpine", null)]
    [InlineData("pkg:npm/%40grafana/ui@11.0.0", "npm", "@grafana", "ui", "11.0.0")]
    public void a_package_url_is_read_into_type_namespace_name_and_version(
        string text, string type, string ns, string name, string? version)
    {
        var purl = PackageUrl.TryParse(text).ShouldNotBeNull();

        (purl.Type, purl.Namespace, purl.Name, purl.Version).ShouldBe((type, ns, name, version));
    }

    [Theory]
    [InlineData("")]
    [InlineData("docker/library/postgres")]
    [InlineData("pkg:docker")]
    [InlineData("pkg:/postgres")]
    [InlineData("pkg:docker/")]
    [InlineData("pkg:docker/library/ postgres")]
    [InlineData("cpe:2.3:a:postgresql:postgresql")]
    public void text_that_is_not_a_package_url_reads_as_none(string text)
    {
        PackageUrl.TryParse(text).ShouldBeNull();
    }

    [Fact]
    public void the_key_leaves_out_version_qualifiers_and_subpath_and_case()
    {
        PackageUrl.TryParse("pkg:GitHub/ClickHouse/ClickHouse@v24.8.1#src")!.Key
            .ShouldBe(PackageUrl.TryParse("pkg:github/clickhouse/clickhouse")!.Key);
        PackageUrl.TryParse("pkg:oci/karpenter@1.0.0?repository_url=public.ecr.aws/karpenter")!.Key.ShouldBe("oci/karpenter");
    }

    [Fact]
    public void a_purl_finds_the_product_that_lists_it_whatever_its_version_and_qualifiers()
    {
        var catalog = Catalog(
            Product("postgresql", "pkg:generic/postgresql", "pkg:docker/library/postgres"),
            Product("argo-cd", "pkg:docker/argoproj/argocd", "pkg:oci/argocd?repository_url=quay.io/argoproj"));

        catalog.ProductByPurl("pkg:docker/library/postgres@17.2-bookworm")!.Product.ShouldBe("postgresql");
        catalog.ProductByPurl("pkg:oci/argocd@sha256%3Aabc?repository_url=ghcr.io/argoproj")!.Product.ShouldBe("argo-cd");
        catalog.ProductByPurl("pkg:docker/library/mysql@8.4").ShouldBeNull();
        catalog.ProductByPurl("not a purl").ShouldBeNull();
    }

    [Fact]
    public void a_purl_two_products_list_finds_neither()
    {
        var catalog = Catalog(Product("grafana", "pkg:docker/grafana/grafana"), Product("grafana-oss", "pkg:docker/grafana/grafana"));

        catalog.ProductByPurl("pkg:docker/grafana/grafana@11.2.0").ShouldBeNull();
    }

    [Fact]
    public void identifiers_survive_catalog_events()
    {
        var catalog = Catalog(Product("postgresql", "pkg:docker/library/postgres"));

        var later = catalog.With([new Compliance.Domain.Events.PatchReleased("postgresql", "17", "17.2", Day(2024, 11, 21), Day(2024, 11, 21))]);

        later.ProductByPurl("pkg:docker/library/postgres")!.Patches.Select(p => p.Version).ShouldBe(["17.2"]);
    }

    private static DateTimeOffset Day(int year, int month, int day) => CatalogDates.StartOfDay(new DateOnly(year, month, day));

    private static ReleaseCatalog Catalog(params ProductReleases[] products) => new(products, []);

    private static ProductReleases Product(string product, params string[] purls) =>
        new(product, product, Source, [], []) { Identifiers = [.. purls.Select(p => new ProductIdentifier(IdentifierKind.Purl, p))] };
}
