namespace Compliance.Domain.Versions.Parsing;

/// <summary>
/// Container image references (<c>[registry/]path[:tag][@sha256:digest]</c>). The tag gives the version (a digest
/// names content, not a release); a reference with only a digest, no tag, or a moving tag (latest, stable) stays unknown.
/// </summary>
internal static class ImageReferences
{
    private static readonly HashSet<string> MovingTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "latest", "stable", "main", "master", "edge", "nightly", "dev", "develop", "canary", "head",
    };

    /// <summary>A reference's parts: the registry host (null for Docker Hub's default), the repository path without it, tag and digest.</summary>
    public sealed record Reference(string Path, string? Tag, string? Digest, string? Registry = null);

    public static Reference? Read(string image)
    {
        var text = image.Trim();
        if (text.Length == 0 || text.Any(char.IsWhiteSpace)) return null;
        string? digest = null;
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = text[(at + 1)..];
            text = text[..at];
        }
        string? tag = null;
        var colon = text.LastIndexOf(':');
        if (colon > text.LastIndexOf('/'))
        {
            tag = text[(colon + 1)..];
            text = text[..colon];
        }
        var segments = text.Split('/');
        if (segments.Any(s => s.Length == 0)) return null;
        var first = segments[0];
        var hasRegistry = segments.Length > 1 && (first.Contains('.', StringComparison.Ordinal)
            || first.Contains(':', StringComparison.Ordinal) || first == "localhost");
        var path = string.Join('/', segments.Skip(hasRegistry ? 1 : 0)).ToLowerInvariant();
        if (path.StartsWith("library/", StringComparison.Ordinal)) path = path["library/".Length..];
        return new(path, tag is { Length: > 0 } ? tag : null, digest is { Length: > 0 } ? digest : null, hasRegistry ? first.ToLowerInvariant() : null);
    }

    public static ObservedVersion Parse(string image, string? product)
    {
        var raw = image ?? "";
        if (Read(raw) is not { } reference)
            return ObservedVersion.Unknown(raw, $"'{raw}' is not an image reference", product ?? "");
        var entry = AddOnImages.Find(reference.Path);
        var resolved = product ?? entry?.Product;
        if (resolved is null)
            return ObservedVersion.Unknown(raw, $"image repository '{reference.Path}' is not a known add-on; pass the product");
        if (product is null && entry?.UnknownReason is { } reason) return ObservedVersion.Unknown(raw, reason, resolved);
        if (reference.Tag is null)
            return ObservedVersion.Unknown(raw, reference.Digest is null
                ? "image has no tag (the runtime pulls 'latest', which names no version)"
                : $"image is referenced by digest only ({Shorten(reference.Digest)}); a digest names no version", resolved);
        if (MovingTags.Contains(reference.Tag))
            return ObservedVersion.Unknown(raw, $"tag '{reference.Tag}' moves between releases and names no version", resolved);
        var parsed = ProductVersions.Parse(resolved, reference.Tag);
        return parsed.IsKnown
            ? parsed with { Raw = raw }
            : ObservedVersion.Unknown(raw, $"tag '{reference.Tag}' is not a {resolved} version", resolved);
    }

    public static bool Looks(string text) =>
        Read(text) is { } reference && (reference.Tag is not null || reference.Digest is not null || reference.Path.Contains('/'));

    private static string Shorten(string digest) => digest.Length > 19 ? digest[..19] + "..." : digest;
}
