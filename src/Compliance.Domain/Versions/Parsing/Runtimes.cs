namespace Compliance.Domain.Versions.Parsing;

/// <summary>Container runtime versions as nodeInfo.containerRuntimeVersion spells them: <c>name://version</c>.</summary>
internal static class Runtimes
{
    public static bool Looks(string text) => text.Contains("://", StringComparison.Ordinal);

    public static ObservedVersion Parse(string raw)
    {
        var text = raw.Trim();
        var separator = text.IndexOf("://", StringComparison.Ordinal);
        if (separator <= 0)
            return ObservedVersion.Unknown(raw, $"'{raw}' names no runtime (expected runtime://version, e.g. containerd://1.7.15)");
        var product = ProductOf(text[..separator].ToLowerInvariant());
        var version = text[(separator + 3)..];
        return GenericVersions.Parse(product, raw, version);
    }

    /// <summary>Runtime URI schemes to endoflife.date products; a scheme not listed keeps its own name.</summary>
    private static string ProductOf(string scheme) => scheme switch
    {
        "docker" => "docker-engine",
        "crio" => "cri-o",
        _ => scheme,
    };
}
