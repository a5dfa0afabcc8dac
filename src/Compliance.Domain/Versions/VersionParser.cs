namespace Compliance.Domain.Versions;

/// <summary>Turns version strings as they appear in clusters and catalogs into <see cref="ObservedVersion"/>. Never throws.</summary>
public static class VersionParser
{
    public static ObservedVersion Parse(ComponentKind kind, string raw, Flavour? flavourHint = null) =>
        ObservedVersion.Unknown(raw, "not parsed yet");

    public static ObservedVersion ParseKubernetes(string gitVersion, Flavour? flavourHint = null) =>
        ObservedVersion.Unknown(gitVersion, "not parsed yet");

    public static ObservedVersion ParseOsImage(string osImage) => ObservedVersion.Unknown(osImage, "not parsed yet");

    public static ObservedVersion ParseKernel(string kernelVersion) => ObservedVersion.Unknown(kernelVersion, "not parsed yet");

    public static ObservedVersion ParseRuntime(string runtimeVersion) => ObservedVersion.Unknown(runtimeVersion, "not parsed yet");

    public static ObservedVersion ParseImage(string image, string? product = null) => ObservedVersion.Unknown(image, "not parsed yet");

    public static ObservedVersion ParseForProduct(string product, string version) => ObservedVersion.Unknown(version, "not parsed yet", product);

    public static ObservedVersion Infer(string raw) => ObservedVersion.Unknown(raw, "not parsed yet");

    public static Flavour DetectFlavour(string gitVersion, IReadOnlyDictionary<string, string>? nodeLabels = null) => Flavour.Upstream;

    public static string ControlPlaneProduct(Flavour flavour) => "kubernetes";
}
