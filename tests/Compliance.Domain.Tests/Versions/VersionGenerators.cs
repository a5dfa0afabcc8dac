using Compliance.Domain.Versions;
using FsCheck;
using FsCheck.Fluent;

namespace Compliance.Domain.Tests.Versions;

/// <summary>A generated gitVersion: its numbers, an optional pre-release and one vendor suffix.</summary>
public sealed record GitVersionCase(int Minor, int Patch, string PreRelease, string Vendor, long Revision)
{
    public string Format() => Vendor switch
    {
        "eks" => $"v1.{Minor}.{Patch}{PreRelease}-eks-{Revision:x7}",
        "gke" => $"v1.{Minor}.{Patch}{PreRelease}-gke.{Revision}",
        "k3s" => $"v1.{Minor}.{Patch}{PreRelease}+k3s{Revision}",
        "rke2" => $"v1.{Minor}.{Patch}{PreRelease}+rke2r{Revision}",
        "openshift" => $"v1.{Minor}.{Patch}{PreRelease}+{Revision:x7}",
        _ => $"v1.{Minor}.{Patch}{PreRelease}",
    };

    public string Product => Vendor switch
    {
        "eks" => "amazon-eks",
        "gke" => "google-kubernetes-engine",
        "openshift" => "red-hat-openshift",
        _ => "kubernetes",
    };
}

/// <summary>A generated kernel release: numbers and a distribution suffix.</summary>
public sealed record KernelCase(int Major, int Minor, int Patch, string Suffix)
{
    public string Format() => $"{Major}.{Minor}.{Patch}{Suffix}";
}

/// <summary>A generated image reference of a known add-on.</summary>
public sealed record ImageCase(string Registry, string Repository, string Product, string V, int Major, int Minor, int Patch, string Suffix)
{
    public string Format() => $"{Registry}{Repository}:{V}{Major}.{Minor}.{Patch}{Suffix}";
}

/// <summary>A string made of the pieces version strings are made of.</summary>
public sealed record VersionLikeString(string Text);

/// <summary>Two versions of one product, spelled as its catalog spells them.</summary>
public sealed record VersionPair(string Product, string From, string To);

public static class VersionGenerators
{
    private static readonly string[] PreReleases = ["", "", "", "-rc.1", "-rc.0", "-beta.2", "-alpha.3"];
    private static readonly string[] Vendors = ["", "eks", "gke", "k3s", "rke2", "openshift"];
    private static readonly string[] KernelSuffixes =
        ["", "-1057-azure", "-18-amd64", "-201.852.amzn2.x86_64", "+", "-362.24.1.el9_3.x86_64", "-talos", "-1008-gke", "-150500.55.52-default"];

    private static readonly (string Repository, string Product)[] Images =
    [
        ("jetstack/cert-manager-controller", "cert-manager"), ("ingress-nginx/controller", "ingress-nginx"),
        ("cilium/cilium", "cilium"), ("calico/node", "calico"), ("coredns/coredns", "coredns"),
        ("fluent/fluent-bit", "fluent-bit"), ("istio/proxyv2", "istio"), ("kyverno/kyverno", "kyverno"),
        ("argoproj/argocd", "argo-cd"), ("etcd", "etcd"), ("prometheus/prometheus", "prometheus"), ("grafana/grafana", "grafana"),
        ("kedacore/keda", "keda"), ("openpolicyagent/gatekeeper", "gatekeeper"), ("goharbor/harbor-core", "harbor"),
        ("kube-proxy", "kubernetes"), ("nfd/node-feature-discovery", "kubernetes-node-feature-discovery"),
    ];

    private static readonly string[] Registries = ["", "docker.io/", "quay.io/", "registry.k8s.io/", "registry.example.com/mirror/"];
    private static readonly string[] TagSuffixes = ["", "-debian-12-r3", "-alpine", "-eksbuild.1", "-0"];

    public static Arbitrary<VersionKey> Keys() =>
        Gen.Choose(0, 5).SelectMany(n => Gen.ArrayOf(Gen.Choose(-3, 6).Select(i => (long)i), n))
            .Select(parts => new VersionKey(parts)).ToArbitrary();

    public static Arbitrary<GitVersionCase> GitVersions() =>
        (from minor in Gen.Choose(16, 40)
         from patch in Gen.Choose(0, 30)
         from pre in Gen.Elements(PreReleases)
         from vendor in Gen.Elements(Vendors)
         from revision in Gen.Choose(1, int.MaxValue)
         select new GitVersionCase(minor, patch, pre, vendor, vendor is "k3s" or "rke2" ? revision % 9 + 1 : revision)).ToArbitrary();

    public static Arbitrary<KernelCase> Kernels() =>
        (from major in Gen.Choose(2, 7)
         from minor in Gen.Choose(0, 20)
         from patch in Gen.Choose(0, 400)
         from suffix in Gen.Elements(KernelSuffixes)
         select new KernelCase(major, minor, patch, suffix)).ToArbitrary();

    public static Arbitrary<ImageCase> ImagesOfAddOns() =>
        (from registry in Gen.Elements(Registries)
         from image in Gen.Elements(Images)
         from v in Gen.Elements("v", "")
         from major in Gen.Choose(1, 30)
         from minor in Gen.Choose(0, 40)
         from patch in Gen.Choose(0, 40)
         from suffix in Gen.Elements(TagSuffixes)
         select new ImageCase(registry, image.Repository, image.Product, v, image.Product == "kubernetes" ? 1 : major, minor, patch, suffix)).ToArbitrary();

    public static Arbitrary<VersionPair> Pairs() =>
        Gen.OneOf(
            Gen.Two(GitVersions().Generator).Select(p => new VersionPair("kubernetes", p.Item1.Format(), p.Item2.Format())),
            Gen.Two(Semver()).Select(p => new VersionPair("cert-manager", p.Item1, p.Item2)),
            Gen.Two(Semver()).Select(p => new VersionPair("linux-kernel", p.Item1, p.Item2)),
            Gen.Two(Cos()).Select(p => new VersionPair("cos", p.Item1, p.Item2)),
            Gen.Two(Ubuntu()).Select(p => new VersionPair("ubuntu", p.Item1, p.Item2))).ToArbitrary();

    /// <summary>Strings made of the pieces version strings are made of, to reach the parsers' corners.</summary>
    public static Arbitrary<VersionLikeString> VersionLikeStrings() =>
        Gen.ListOf(Gen.Elements(
                "v", "V", "1", "0", "29", "4", ".", ".", "-", "+", "eks", "gke", "k3s", "rke2r", "rc", "alpha", "beta", "://",
                "containerd", "cos", "@sha256:", ":", "/", "Ubuntu ", "LTS", " ", "(", ")", "SP", "99999999999999999999",
                "Amazon Linux ", "Red Hat Enterprise Linux CoreOS ", "latest", "security-", "\t", "é", ""))
            .Select(parts => new VersionLikeString(string.Concat(parts))).ToArbitrary();

    private static Gen<string> Semver() =>
        from major in Gen.Choose(1, 6)
        from minor in Gen.Choose(0, 12)
        from patch in Gen.Choose(0, 12)
        from pre in Gen.Elements(PreReleases)
        select $"{major}.{minor}.{patch}{pre}";

    private static Gen<string> Cos() =>
        from milestone in Gen.Elements(101, 105, 109, 113)
        from build in Gen.Choose(17000, 19000)
        from a in Gen.Choose(0, 600)
        from b in Gen.Choose(0, 150)
        select $"cos-{milestone}-{build}-{a}-{b}";

    private static Gen<string> Ubuntu() =>
        from year in Gen.Elements(18, 20, 22, 24)
        from month in Gen.Elements("04", "10")
        from point in Gen.Choose(0, 6)
        select point == 0 ? $"{year}.{month}" : $"{year}.{month}.{point}";
}
