using Compliance.Domain.Versions;

namespace Compliance.Domain.Tests.Versions;

public sealed class InferenceAndFlavourTests
{
    [Theory]
    [InlineData("v1.29.3-eks-adc7111", "amazon-eks", "1.29")]
    [InlineData("v1.29.2", "kubernetes", "1.29")]
    [InlineData("1.27.8-gke.1067004", "google-kubernetes-engine", "1.27")]
    [InlineData("v1.28.5+k3s1", "kubernetes", "1.28")]
    [InlineData("v1.27.10+c79e5e2", "red-hat-openshift", "4.14")]
    [InlineData("1.29-eks-6", "amazon-eks", "1.29")]
    [InlineData("containerd://1.7.15", "containerd", "1.7")]
    [InlineData("cri-o://1.28.1", "cri-o", "1.28")]
    [InlineData("Ubuntu 22.04.4 LTS", "ubuntu", "22.04")]
    [InlineData("Amazon Linux 2", "amazon-linux", "2")]
    [InlineData("cos-109-17800-147-54", "cos", "cos-109")]
    [InlineData("cos-stable-113-18244-85-49", "cos", "cos-113")]
    [InlineData("5.15.0-1057-azure", "linux-kernel", "5.15")]
    [InlineData("5.10.210-201.852.amzn2.x86_64", "linux-kernel", "5.10")]
    [InlineData("6.1.58+", "linux-kernel", "6.1")]
    [InlineData("quay.io/jetstack/cert-manager-controller:v1.14.4", "cert-manager", "1.14")]
    [InlineData("registry.k8s.io/etcd:3.5.12-0", "etcd", "3.5")]
    public void infers_the_product_of_strings_whose_shape_names_it(string raw, string product, string cycle)
    {
        var parsed = VersionParser.Infer(raw);

        parsed.UnknownReason.ShouldBeNull();
        parsed.Product.ShouldBe(product);
        parsed.Cycle.ShouldBe(cycle);
    }

    [Theory]
    [InlineData("1.2.3")]
    [InlineData("6.6.30")]
    [InlineData("hello")]
    [InlineData("quay.io/example/unknown-thing:v1.0.0")]
    public void asks_for_the_product_when_the_shape_does_not_name_one(string raw)
    {
        VersionParser.Infer(raw).UnknownReason.ShouldNotBeNull().ShouldContain("cannot infer the product; pass --product");
    }

    [Theory]
    [InlineData("ubuntu", "Ubuntu 22.04.4 LTS", "22.04", "22.04.4")]
    [InlineData("kubernetes", "v1.29.2", "1.29", "1.29.2")]
    [InlineData("cert-manager", "v1.14.4", "1.14", "1.14.4")]
    [InlineData("sles", "15", "15.0", "15")]
    [InlineData("red-hat-openshift", "4.16.68", "4.16", "4.16.68")]
    [InlineData("red-hat-openshift", "v1.29.6+aa66fa5", "4.16", "1.29.6")]
    [InlineData("docker-engine", "19.03.15", "19.03", "19.03.15")]
    public void parses_a_version_for_a_stated_product(string product, string raw, string cycle, string normalized)
    {
        var parsed = VersionParser.ParseForProduct(product, raw);

        parsed.Product.ShouldBe(product);
        parsed.Cycle.ShouldBe(cycle);
        parsed.Normalized.ShouldBe(normalized);
    }

    [Fact]
    public void rejects_a_version_for_the_wrong_product()
    {
        VersionParser.ParseForProduct("ubuntu", "Debian GNU/Linux 12 (bookworm)").IsKnown.ShouldBeFalse();
    }

    [Fact]
    public void keeps_the_reason_an_observed_string_for_the_stated_product_has_no_version()
    {
        var parsed = VersionParser.ParseForProduct("cos", "Container-Optimized OS from Google");

        parsed.UnknownReason.ShouldNotBeNull().ShouldContain("carries no version");
    }

    [Theory]
    [InlineData("v1.29.3-eks-adc7111", null, Flavour.Eks)]
    [InlineData("v1.27.8-gke.1067004", null, Flavour.Gke)]
    [InlineData("v1.28.5+k3s1", null, Flavour.K3s)]
    [InlineData("v1.30.2+rke2r1", null, Flavour.Rke2)]
    [InlineData("v1.27.10+c79e5e2", null, Flavour.OpenShift)]
    [InlineData("v1.27.10", "node.openshift.io/os_id", Flavour.OpenShift)]
    [InlineData("v1.29.2", "kubernetes.azure.com/cluster", Flavour.Aks)]
    [InlineData("v1.29.2", "kubernetes.io/hostname", Flavour.Upstream)]
    [InlineData("v1.29.2", null, Flavour.Upstream)]
    public void detects_the_flavour_from_the_version_and_node_labels(string gitVersion, string? label, Flavour expected)
    {
        var labels = label is null ? null : new Dictionary<string, string> { [label] = "x" };

        VersionParser.DetectFlavour(gitVersion, labels).ShouldBe(expected);
    }

    [Theory]
    [InlineData(Flavour.Upstream, "kubernetes")]
    [InlineData(Flavour.K3s, "kubernetes")]
    [InlineData(Flavour.Rke2, "kubernetes")]
    [InlineData(Flavour.Eks, "amazon-eks")]
    [InlineData(Flavour.Gke, "google-kubernetes-engine")]
    [InlineData(Flavour.Aks, "azure-kubernetes-service")]
    [InlineData(Flavour.OpenShift, "red-hat-openshift")]
    public void each_flavour_is_ruled_by_one_catalog_product(Flavour flavour, string product)
    {
        VersionParser.ControlPlaneProduct(flavour).ShouldBe(product);
    }
}
