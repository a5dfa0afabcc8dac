using Compliance.Domain.Versions.Parsing;

namespace Compliance.Domain.Versions;

/// <summary>
/// Turns version strings as they appear in clusters and catalogs into <see cref="ObservedVersion"/>. Never throws:
/// null, empty or garbage input gives an unknown version with its reason.
/// </summary>
public static class VersionParser
{
    /// <summary>Parses a string observed on a component of the given kind. Control plane, kubelet and kube-proxy
    /// versions are gitVersions, resolved to the flavour's product (the hint, or what the string itself shows).</summary>
    public static ObservedVersion Parse(ComponentKind kind, string raw, Flavour? flavourHint = null) => kind switch
    {
        ComponentKind.ControlPlane or ComponentKind.Kubelet or ComponentKind.KubeProxy => ParseKubernetes(raw, flavourHint),
        ComponentKind.OsImage => ParseOsImage(raw),
        ComponentKind.Kernel => ParseKernel(raw),
        ComponentKind.ContainerRuntime => ParseRuntime(raw),
        ComponentKind.AddOn => ParseImage(raw),
        _ => ObservedVersion.Unknown(raw, $"no parser for component kind {kind}"),
    };

    public static ObservedVersion ParseKubernetes(string gitVersion, Flavour? flavourHint = null) =>
        KubernetesVersions.Parse(gitVersion ?? "", flavourHint);

    public static ObservedVersion ParseOsImage(string osImage) => OsImages.Parse(osImage ?? "");

    /// <summary>A node's kernel; <paramref name="osImage"/> (the same node's) says which distribution release maintains it.</summary>
    public static ObservedVersion ParseKernel(string kernelVersion, string? osImage = null) => Kernels.Parse(kernelVersion ?? "", osImage);

    public static ObservedVersion ParseRuntime(string runtimeVersion) => Runtimes.Parse(runtimeVersion ?? "");

    /// <summary>Parses an image reference's tag as a version of <paramref name="product"/>, or of the add-on the image
    /// repository is known as when no product is given.</summary>
    public static ObservedVersion ParseImage(string image, string? product = null) => ImageReferences.Parse(image ?? "", product);

    /// <summary>Parses a version spelled as the product's catalog spells it (patch versions and cycles); also accepts
    /// the forms observed in clusters for that product (a gitVersion for kubernetes, an osImage for ubuntu, ...).</summary>
    public static ObservedVersion ParseForProduct(string product, string version) => ProductVersions.Parse(product, version);

    /// <summary>Guesses the product of a bare string; unknown with "cannot infer the product; pass --product" when the
    /// shape does not belong to one kind of component.</summary>
    public static ObservedVersion Infer(string raw) => Inference.Infer(raw);

    /// <inheritdoc cref="Flavours.Detect"/>
    public static Flavour DetectFlavour(string gitVersion, IReadOnlyDictionary<string, string>? nodeLabels = null) =>
        Flavours.Detect(gitVersion, nodeLabels);

    /// <summary>The catalog product whose support dates rule a cluster of this flavour (k3s and RKE2 follow upstream).</summary>
    public static string ControlPlaneProduct(Flavour flavour) => Flavours.ControlPlaneProduct(flavour);
}
