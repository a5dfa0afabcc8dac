using Compliance.Domain.Versions;
using FsCheck.Xunit;

namespace Compliance.Domain.Tests.Versions;

[Properties(Arbitrary = [typeof(VersionGenerators)], MaxTest = 300)]
public sealed class VersionChangesTests
{
    [Theory]
    [InlineData("kubernetes", "1.29.2", "1.29.2", ChangeKind.None)]
    [InlineData("kubernetes", "1.29.2", "1.29.3", ChangeKind.Patch)]
    [InlineData("kubernetes", "1.29.3", "1.30.0", ChangeKind.Major)]
    [InlineData("kubernetes", "1.30.0", "1.29.3", ChangeKind.Downgrade)]
    [InlineData("google-kubernetes-engine", "1.27.8-gke.1067004", "1.27.8-gke.1200000", ChangeKind.Patch)]
    [InlineData("kubernetes", "1.28.5+k3s1", "1.28.5+k3s2", ChangeKind.Patch)]
    [InlineData("red-hat-openshift", "4.14.12", "4.15.3", ChangeKind.Major)]
    [InlineData("cert-manager", "1.14.4", "1.14.5", ChangeKind.Patch)]
    [InlineData("cert-manager", "1.14.4", "1.15.0", ChangeKind.Minor)]
    [InlineData("cert-manager", "1.15.0", "2.0.0", ChangeKind.Major)]
    [InlineData("ubuntu", "22.04.4", "24.04", ChangeKind.Major)]
    [InlineData("linux-kernel", "6.1.79", "6.6.30", ChangeKind.Minor)]
    [InlineData("linux-kernel", "5.15.0", "6.1.0", ChangeKind.Major)]
    [InlineData("amazon-linux", "2.0.20260727.0", "2023.6.20241010", ChangeKind.Major)]
    [InlineData("cos", "cos-109-17800-147-54", "cos-113-18244-85-49", ChangeKind.Major)]
    [InlineData("containerd", "1.7.15", "2.0.0-rc.1", ChangeKind.Major)]
    [InlineData("containerd", "2.0.0-rc.1", "2.0.0", ChangeKind.Patch)]
    public void classifies_changes_between_versions_of_one_product(string product, string from, string to, ChangeKind expected)
    {
        var change = VersionChanges.Classify(VersionParser.ParseForProduct(product, from), VersionParser.ParseForProduct(product, to));

        change.ShouldBe(expected);
    }

    [Fact]
    public void a_kubernetes_minor_is_a_minor_change_when_the_platform_team_says_so()
    {
        var from = VersionParser.ParseKubernetes("v1.29.3-eks-adc7111");
        var to = VersionParser.ParseKubernetes("v1.30.4-eks-a737599");

        VersionChanges.Classify(from, to, kubernetesMinorIsMajor: false).ShouldBe(ChangeKind.Minor);
        VersionChanges.Classify(from, to).ShouldBe(ChangeKind.Major);
    }

    [Fact]
    public void upstream_and_managed_kubernetes_of_the_same_numbers_compare()
    {
        var upstream = VersionParser.ParseKubernetes("v1.29.2");
        var eks = VersionParser.ParseKubernetes("v1.29.3-eks-adc7111");
        var gke = VersionParser.ParseKubernetes("v1.29.2-gke.1060000");

        VersionChanges.Classify(upstream, eks).ShouldBe(ChangeKind.Patch);
        VersionChanges.Classify(eks, gke).ShouldBe(ChangeKind.Downgrade);
    }

    [Fact]
    public void a_vendor_rebuild_of_the_same_numbers_is_a_patch()
    {
        var from = VersionParser.ParseKernel("5.15.0-1057-azure");
        var to = VersionParser.ParseKernel("5.15.0-1059-azure");

        VersionChanges.Classify(from, to).ShouldBe(ChangeKind.Patch);
    }

    [Fact]
    public void different_products_or_unknown_versions_do_not_compare()
    {
        var ubuntu = VersionParser.ParseOsImage("Ubuntu 22.04.4 LTS");
        var debian = VersionParser.ParseOsImage("Debian GNU/Linux 12 (bookworm)");
        var cos = VersionParser.ParseOsImage("Container-Optimized OS from Google");

        VersionChanges.Classify(ubuntu, debian).ShouldBe(ChangeKind.Unknown);
        VersionChanges.Classify(cos, cos).ShouldBe(ChangeKind.Unknown);
        VersionChanges.Classify(ubuntu, cos).ShouldBe(ChangeKind.Unknown);
    }

    [Property]
    public bool a_downgrade_is_exactly_a_lower_key(VersionPair pair)
    {
        var (from, to) = Parse(pair);
        return (VersionChanges.Classify(from, to) == ChangeKind.Downgrade) == (to.Key < from.Key);
    }

    [Property]
    public bool an_upgrade_read_backwards_is_a_downgrade(VersionPair pair)
    {
        var (from, to) = Parse(pair);
        var forward = VersionChanges.Classify(from, to);
        var backward = VersionChanges.Classify(to, from);
        return forward switch
        {
            ChangeKind.Patch or ChangeKind.Minor or ChangeKind.Major => backward == ChangeKind.Downgrade || (from.Key == to.Key && backward == ChangeKind.Patch),
            ChangeKind.None => backward == ChangeKind.None,
            ChangeKind.Downgrade => backward is ChangeKind.Patch or ChangeKind.Minor or ChangeKind.Major,
            _ => false,
        };
    }

    [Property]
    public bool a_version_compared_with_itself_is_no_change(VersionPair pair)
    {
        var (from, _) = Parse(pair);
        return VersionChanges.Classify(from, from) == ChangeKind.None;
    }

    private static (ObservedVersion From, ObservedVersion To) Parse(VersionPair pair)
    {
        var from = VersionParser.ParseForProduct(pair.Product, pair.From);
        var to = VersionParser.ParseForProduct(pair.Product, pair.To);
        from.IsKnown.ShouldBeTrue(pair.From);
        to.IsKnown.ShouldBeTrue(pair.To);
        return (from, to);
    }
}
