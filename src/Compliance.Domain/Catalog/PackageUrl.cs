namespace Compliance.Domain.Catalog;

/// <summary>
/// A package URL (<c>pkg:type/namespace/name@version?qualifiers#subpath</c>, the purl specification) read into its
/// parts, percent-decoded. <see cref="Key"/> is what names a package regardless of version, qualifiers and subpath:
/// <c>pkg:oci/argocd?repository_url=quay.io/argoproj</c> and <c>pkg:oci/argocd@v2.13.1</c> are the same package.
/// </summary>
public sealed record PackageUrl(string Type, string Namespace, string Name, string? Version)
{
    /// <summary>type/namespace/name in lower case (the purl specification lowercases them for github, docker, oci,
    /// npm, apk, deb and most other types; no two catalog products differ by case alone).</summary>
    public string Key => (Namespace.Length == 0 ? $"{Type}/{Name}" : $"{Type}/{Namespace}/{Name}").ToLowerInvariant();

    /// <summary>The parts of <paramref name="text"/>, or null when it is not a package URL (no <c>pkg:</c>, no type or no name).</summary>
    public static PackageUrl? TryParse(string? text)
    {
        var rest = (text ?? "").Trim();
        if (!rest.StartsWith("pkg:", StringComparison.OrdinalIgnoreCase) || rest.Any(char.IsWhiteSpace)) return null;
        rest = rest[4..];
        rest = Before(rest, '#');
        rest = Before(rest, '?').TrimStart('/');

        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0) return null;
        var type = rest[..slash].ToLowerInvariant();
        rest = rest[(slash + 1)..];

        string? version = null;
        var at = rest.LastIndexOf('@');
        if (at >= 0 && at > rest.LastIndexOf('/'))
        {
            version = Decode(rest[(at + 1)..]);
            rest = rest[..at];
        }
        var segments = rest.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Decode).ToArray();
        if (segments.Length == 0 || segments[^1].Length == 0) return null;
        return new(type, string.Join('/', segments[..^1]), segments[^1], version is { Length: > 0 } ? version : null);
    }

    private static string Before(string text, char separator)
    {
        var at = text.IndexOf(separator, StringComparison.Ordinal);
        return at < 0 ? text : text[..at];
    }

    private static string Decode(string part) => Uri.UnescapeDataString(part);
}
