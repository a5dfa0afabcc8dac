using Compliance.Domain.Versions;
using Compliance.Domain.Versions.Parsing;

namespace Compliance.Domain.Catalog;

/// <summary>
/// Which catalog product an add-on's container image is. The catalog's package URLs decide first
/// (<see cref="ReleaseCatalog.ProductByPurl"/>): an image on Docker Hub is <c>pkg:docker/NAMESPACE/NAME</c>
/// (<c>library/</c> for official images); one on ghcr.io or quay.io is also <c>pkg:github/ORG/NAME</c> (the repository
/// it is built from; quay.io images mostly mirror Docker Hub's names, so <c>pkg:docker/ORG/NAME</c> too); any other
/// registry's is <c>pkg:oci/NAME?repository_url=HOST/PATH</c>. The project's own image table
/// (<see cref="VersionParser.ParseImage"/>) decides for products the catalog lists no purl for (cert-manager among them)
/// and for images whose tag is not the product's version.
/// </summary>
public static class ImageProducts
{
    private static readonly HashSet<string> DockerHub = new(StringComparer.Ordinal) { "docker.io", "index.docker.io", "registry-1.docker.io" };

    /// <summary>
    /// The product's slug, or empty when neither the catalog's purls nor the image table know the image. An image the
    /// table marks as versioned apart from its product (the Flux controllers) keeps the table's answer.
    /// </summary>
    public static string Of(string image, ReleaseCatalog catalog)
    {
        var table = VersionParser.ParseImage(image ?? "").Product;
        var apart = ImageReferences.Read(image ?? "") is { } reference && AddOnImages.Find(reference.Path) is { UnknownReason: not null };
        return apart ? table : ByPurl(image ?? "", catalog) ?? table;
    }

    /// <summary>The product whose package URL names the image's repository, or null.</summary>
    public static string? ByPurl(string image, ReleaseCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return Purls(image).Select(purl => catalog.ProductByPurl(purl)?.Product).FirstOrDefault(p => p is not null);
    }

    /// <summary>The package URLs that may name the image's repository, most specific first; none for a string that is not an image reference.</summary>
    public static IReadOnlyList<string> Purls(string image)
    {
        if (ImageReferences.Read(image ?? "") is not { } reference) return [];
        var segments = reference.Path.Split('/');
        var name = segments[^1];
        var space = string.Join('/', segments[..^1]);
        var host = reference.Registry;
        if (host is null || DockerHub.Contains(host)) return [space.Length == 0 ? $"pkg:docker/library/{name}" : $"pkg:docker/{space}/{name}"];
        var purls = new List<string>();
        if (host is "ghcr.io" or "quay.io" && segments.Length >= 2) purls.Add($"pkg:github/{segments[0]}/{segments[1]}");
        if (host == "quay.io" && space.Length > 0) purls.Add($"pkg:docker/{space}/{name}");
        purls.Add($"pkg:oci/{name}?repository_url={host}{(space.Length == 0 ? "" : "/" + space)}");
        return purls;
    }
}
