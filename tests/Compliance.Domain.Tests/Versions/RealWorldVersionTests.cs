using Compliance.Domain.Versions;

namespace Compliance.Domain.Tests.Versions;

public sealed class RealWorldVersionTests
{
    [Theory]
    [MemberData(nameof(RealWorldClusterStrings.Known), MemberType = typeof(RealWorldClusterStrings))]
    public void parses_strings_reported_by_real_clusters(
        ComponentKind kind, string raw, Flavour? hint, string product, string cycle, string normalized, string? build)
    {
        var parsed = VersionParser.Parse(kind, raw, hint);

        parsed.UnknownReason.ShouldBeNull();
        parsed.Raw.ShouldBe(raw);
        parsed.Product.ShouldBe(product);
        parsed.Cycle.ShouldBe(cycle);
        parsed.Normalized.ShouldBe(normalized);
        parsed.Build.ShouldBe(build);
        if (kind is ComponentKind.ControlPlane or ComponentKind.Kubelet or ComponentKind.KubeProxy)
            VersionParser.ControlPlaneProduct(parsed.Flavour.ShouldNotBeNull()).ShouldBe(product);
        else
            parsed.Flavour.ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(RealWorldAddOnImages.Known), MemberType = typeof(RealWorldAddOnImages))]
    public void parses_add_on_images_by_their_repository(string image, string product, string cycle, string normalized, string? build)
    {
        var parsed = VersionParser.Parse(ComponentKind.AddOn, image);

        parsed.UnknownReason.ShouldBeNull();
        parsed.Raw.ShouldBe(image);
        parsed.Product.ShouldBe(product);
        parsed.Cycle.ShouldBe(cycle);
        parsed.Normalized.ShouldBe(normalized);
        parsed.Build.ShouldBe(build);
    }

    [Theory]
    [MemberData(nameof(RealWorldAddOnImages.Unknown), MemberType = typeof(RealWorldAddOnImages))]
    public void keeps_strings_without_a_readable_version_unknown_with_a_reason(
        ComponentKind kind, string raw, string product, string reasonPhrase)
    {
        var parsed = VersionParser.Parse(kind, raw);

        parsed.IsKnown.ShouldBeFalse();
        parsed.Product.ShouldBe(product);
        parsed.UnknownReason.ShouldNotBeNull().ShouldContain(reasonPhrase);
        parsed.Key.IsEmpty.ShouldBeTrue();
        parsed.ToString().ShouldStartWith("unknown");
    }

    [Fact]
    public void the_real_world_table_holds_at_least_eighty_strings()
    {
        var count = RealWorldClusterStrings.Known.Count() + RealWorldAddOnImages.Known.Count() + RealWorldAddOnImages.Unknown.Count();

        count.ShouldBeGreaterThanOrEqualTo(80);
    }

    [Fact]
    public void gke_versions_keep_the_build_number_in_the_key()
    {
        VersionParser.ParseKubernetes("v1.27.8-gke.1067004").Key.ShouldBe(new VersionKey(1, 27, 8, 1067004));
    }

    [Fact]
    public void eks_versions_keep_the_commit_out_of_the_key()
    {
        VersionParser.ParseKubernetes("v1.29.3-eks-adc7111").Key.ShouldBe(new VersionKey(1, 29, 3));
    }

    [Fact]
    public void openshift_versions_keep_the_kubernetes_numbers_in_the_key()
    {
        var parsed = VersionParser.ParseKubernetes("v1.27.10+c79e5e2");

        parsed.Key.ShouldBe(new VersionKey(1, 27, 10));
        parsed.Flavour.ShouldBe(Flavour.OpenShift);
    }

    [Theory]
    [InlineData("v1.30.0-alpha.1", "v1.30.0-beta.0")]
    [InlineData("v1.30.0-beta.2", "v1.30.0-rc.0")]
    [InlineData("v1.30.0-rc.1", "v1.30.0-rc.2")]
    [InlineData("v1.30.0-rc.2", "v1.30.0")]
    [InlineData("v1.29.15", "v1.30.0-alpha.0")]
    [InlineData("v1.28.5+k3s1", "v1.28.5+k3s2")]
    [InlineData("v1.27.8-gke.1067004", "v1.27.8-gke.1200000")]
    [InlineData("v1.27.8-gke.1200000", "v1.27.9-gke.100")]
    public void pre_releases_and_vendor_revisions_sort_in_release_order(string older, string newer)
    {
        var before = VersionParser.ParseKubernetes(older).Key;
        var after = VersionParser.ParseKubernetes(newer).Key;

        before.ShouldBeLessThan(after);
    }

    [Fact]
    public void cos_versions_are_spelled_as_the_cos_catalog_spells_them()
    {
        var parsed = VersionParser.ParseForProduct("cos", "cos-125-19216-532-123");

        parsed.Cycle.ShouldBe("cos-125");
        parsed.Key.ShouldBe(new VersionKey(125, 19216, 532, 123));
        parsed.Normalized.ShouldBe("cos-125-19216-532-123");
    }

    [Fact]
    public void an_explicit_product_wins_over_the_add_on_table()
    {
        var parsed = VersionParser.ParseImage("registry.example.com/platform/tigera-operator:v1.32.5", "tigera-operator");

        parsed.Product.ShouldBe("tigera-operator");
        parsed.Normalized.ShouldBe("1.32.5");
    }

    [Theory]
    [InlineData("eks/coredns", "coredns")]
    [InlineData("mirror/quay/jetstack/cert-manager-webhook", "cert-manager")]
    [InlineData("calico/node-driver-registrar", "calico")]
    [InlineData("sig-storage/csi-node-driver-registrar", "kubernetes-csi-node-driver-registrar")]
    public void the_add_on_table_matches_repository_suffixes_and_prefers_the_longest(string path, string product)
    {
        VersionParser.ParseImage($"registry.example.com/{path}:v1.2.3").Product.ShouldBe(product);
    }
}
