using Compliance.Domain.Catalog;

namespace Compliance.Domain.Tests.Catalog;

/// <summary>The image-to-product map: the catalog's package URLs first, the project's image table for products without one.</summary>
public sealed class ImageProductsTests
{
    private static readonly Provenance Source = new("test", "test", "MIT", new DateOnly(2026, 8, 1));

    private static ProductReleases Product(string name, params string[] purls) =>
        new(name, name, Source, [], []) { Identifiers = [.. purls.Select(p => new ProductIdentifier(IdentifierKind.Purl, p))] };

    private static readonly ReleaseCatalog Catalog = new(
        [
            Product("redis", "pkg:docker/library/redis", "pkg:docker/bitnami/redis"),
            Product("openbao", "pkg:github/openbao/openbao", "pkg:oci/openbao?repository_url=quay.io/openbao"),
            Product("valkey", "pkg:docker/valkey/valkey"),
            Product("karpenter", "pkg:oci/karpenter?repository_url=public.ecr.aws/karpenter"),
            Product("cilium", "pkg:github/cilium/cilium", "pkg:docker/cilium/cilium"),
            Product("cert-manager"),
        ],
        []);

    [Theory]
    [InlineData("docker.io/bitnami/redis:7.4.1", "redis")]
    [InlineData("redis:7.4", "redis")]
    [InlineData("docker.io/library/redis:7.4", "redis")]
    [InlineData("ghcr.io/openbao/openbao:2.1.0", "openbao")]
    [InlineData("quay.io/openbao/openbao:2.1.0", "openbao")]
    [InlineData("valkey/valkey:8.0.1", "valkey")]
    [InlineData("public.ecr.aws/karpenter/karpenter:1.1.0", "karpenter")]
    [InlineData("quay.io/cilium/cilium:v1.16.4", "cilium")]
    [InlineData("quay.io/jetstack/cert-manager-controller:v1.16.2", "cert-manager")]
    [InlineData("registry.k8s.io/ingress-nginx/controller:v1.12.1", "ingress-nginx")]
    [InlineData("ghcr.io/fluxcd/source-controller:v1.4.1", "flux")]
    [InlineData("example.com/team/unknown-thing:1.0", "")]
    public void an_image_maps_to_the_product_whose_purl_names_it_else_to_the_image_table(string image, string product) =>
        ImageProducts.Of(image, Catalog).ShouldBe(product);

    [Theory]
    [InlineData("docker.io/bitnami/redis:7.4.1", "pkg:docker/bitnami/redis")]
    [InlineData("nginx:1.27", "pkg:docker/library/nginx")]
    [InlineData("ghcr.io/org/tool/sub:1", "pkg:github/org/tool", "pkg:oci/sub?repository_url=ghcr.io/org/tool")]
    [InlineData("quay.io/org/x:1", "pkg:github/org/x", "pkg:docker/org/x", "pkg:oci/x?repository_url=quay.io/org")]
    [InlineData("registry.k8s.io/kube-proxy:v1.31.2", "pkg:oci/kube-proxy?repository_url=registry.k8s.io")]
    public void an_image_names_the_package_urls_of_its_registry(string image, params string[] purls) =>
        ImageProducts.Purls(image).ShouldBe(purls);
}
