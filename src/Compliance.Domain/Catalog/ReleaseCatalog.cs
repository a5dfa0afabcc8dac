using Compliance.Domain.Versions;

namespace Compliance.Domain.Catalog;

/// <summary>Release facts of every known product, with the look-ups verdicts need.</summary>
public sealed class ReleaseCatalog(IEnumerable<ProductReleases> products, IEnumerable<Vulnerability> vulnerabilities)
{
    private readonly Dictionary<string, ProductReleases> byProduct = products.ToDictionary(p => p.Product, StringComparer.Ordinal);
    private readonly List<Vulnerability> vulns = [.. vulnerabilities];

    public static ReleaseCatalog Empty { get; } = new([], []);

    public IReadOnlyCollection<ProductReleases> Products => byProduct.Values;

    public IReadOnlyList<Vulnerability> Vulnerabilities => vulns;

    public ProductReleases? Product(string product) => byProduct.GetValueOrDefault(product);

    public ReleaseCycle? Cycle(string product, string cycle) => null;

    public ReleaseCycle? CycleOf(ObservedVersion version) => null;

    public IReadOnlyList<PatchRelease> PatchesOf(string product, string cycle, DateTimeOffset upTo) => [];

    public PatchRelease? LatestPatch(string product, string cycle, DateTimeOffset asOf) => null;

    public IReadOnlyList<PatchRelease> MissingPatches(ObservedVersion version, DateTimeOffset asOf) => [];

    public int? PatchesBehind(ObservedVersion version, DateTimeOffset asOf) => null;

    public bool IsCritical(PatchRelease patch) => false;
}
