namespace Compliance.Domain.Catalog;

public sealed partial class ReleaseCatalog
{
    /// <summary>
    /// The product that lists a package URL with the same type, namespace and name (<see cref="PackageUrl.Key"/>),
    /// whatever version, qualifiers or subpath either side carries: <c>pkg:docker/library/postgres@17.2</c> is
    /// postgresql. Null when the text is not a package URL, no product lists it, or more than one product does.
    /// </summary>
    public ProductReleases? ProductByPurl(string purl) =>
        PackageUrl.TryParse(purl) is { } parsed && productByPurl.GetValueOrDefault(parsed.Key) is { } product
            ? Product(product)
            : null;

    /// <summary>Each purl key to the one product listing it; a key two products list maps to null (ambiguous).</summary>
    private static Dictionary<string, string?> PurlIndex(IEnumerable<ProductReleases> products)
    {
        var index = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var product in products)
        {
            foreach (var identifier in product.Identifiers.Where(i => i.Kind == IdentifierKind.Purl))
            {
                if (PackageUrl.TryParse(identifier.Value) is not { } purl) continue;
                index[purl.Key] = index.TryGetValue(purl.Key, out var other) && other != product.Product ? null : product.Product;
            }
        }
        return index;
    }
}
