using Compliance.Domain.Versions;

namespace Compliance.Domain.Catalog;

/// <summary>
/// Release facts of every known product, with the look-ups verdicts need. Immutable: <see cref="With"/> returns a new
/// catalog. Patch lists are sorted per cycle once, when the catalog is built, so look-ups are cheap enough to call for
/// every component. Patch look-ups go through <see cref="PatchSources.PatchProductFor"/> (EKS and AKS follow upstream
/// Kubernetes patches); cycle look-ups use the product itself (support dates are the offering's own).
/// </summary>
public sealed partial class ReleaseCatalog
{
    private readonly Dictionary<string, ProductIndex> byProduct;
    private readonly List<Vulnerability> vulns;
    private readonly Dictionary<(string Product, string Version), List<Vulnerability>> fixedBy = [];
    private readonly List<ProductReleases> products;
    private readonly Dictionary<string, string?> productByPurl;

    public ReleaseCatalog(IEnumerable<ProductReleases> products, IEnumerable<Vulnerability> vulnerabilities)
        : this(products.ToDictionary(p => p.Product, p => new ProductIndex(p), StringComparer.Ordinal), [.. vulnerabilities])
    {
    }

    private ReleaseCatalog(Dictionary<string, ProductIndex> byProduct, List<Vulnerability> vulns)
    {
        this.byProduct = byProduct;
        this.vulns = vulns;
        products = [.. byProduct.Values.Select(i => i.Releases).OrderBy(p => p.Product, StringComparer.Ordinal)];
        productByPurl = PurlIndex(products);
        foreach (var vuln in vulns)
        {
            foreach (var version in vuln.FixedIn.Select(Plain).Distinct(StringComparer.Ordinal))
            {
                var key = (vuln.Product, version);
                if (!fixedBy.TryGetValue(key, out var list)) fixedBy[key] = list = [];
                list.Add(vuln);
            }
        }
    }

    public static ReleaseCatalog Empty { get; } = new([], []);

    /// <summary>Every product, ordered by product name.</summary>
    public IReadOnlyCollection<ProductReleases> Products => products;

    public IReadOnlyList<Vulnerability> Vulnerabilities => vulns;

    public ProductReleases? Product(string product) => byProduct.GetValueOrDefault(product)?.Releases;

    public ReleaseCycle? Cycle(string product, string cycle) => byProduct.GetValueOrDefault(product)?.Cycle(cycle);

    /// <summary>The cycle of an observed version, by its product and cycle; null for an unknown version or cycle.</summary>
    public ReleaseCycle? CycleOf(ObservedVersion version) =>
        version.IsKnown ? Cycle(version.Product, version.Cycle) : null;

    /// <summary>Patches of the cycle as the catalog lists them (every vendor build), released at or before <paramref name="upTo"/>, by version ascending.</summary>
    public IReadOnlyList<PatchRelease> PatchesOf(string product, string cycle, DateTimeOffset upTo) =>
        [.. SortedPatches(product, cycle).Where(p => p.Patch.ReleasedAt <= upTo).Select(p => p.Patch)];

    /// <summary>
    /// The patches of the cycle as the verdicts count them, released at or before <paramref name="upTo"/>, by version
    /// ascending: for a product that lists vendor builds, one per upstream patch level (<c>1.33.5</c>, released with its
    /// first build), otherwise the catalog's patches (see <see cref="PatchSources.ListsVendorBuilds"/>).
    /// </summary>
    public IReadOnlyList<PatchRelease> PatchLevelsOf(string product, string cycle, DateTimeOffset upTo) =>
        [.. SortedLevels(product, cycle).Where(p => p.Patch.ReleasedAt <= upTo).Select(p => p.Patch)];

    /// <summary>
    /// The highest version of the cycle released at or before <paramref name="asOf"/> (not the most recently dated one:
    /// a late backport to an older line is not the latest); null when none was released by then.
    /// </summary>
    public PatchRelease? LatestPatch(string product, string cycle, DateTimeOffset asOf)
    {
        var sorted = SortedPatches(product, cycle);
        for (var i = sorted.Count - 1; i >= 0; i--)
        {
            if (sorted[i].Patch.ReleasedAt <= asOf) return sorted[i].Patch;
        }
        return null;
    }

    /// <summary>
    /// Patch levels (<see cref="PatchLevelsOf"/>) of the version's cycle released at or before <paramref name="asOf"/> above
    /// the observed one's level, by version ascending. Empty when the position cannot be told (see <see cref="PatchesBehind"/>).
    /// </summary>
    public IReadOnlyList<PatchRelease> MissingPatches(ObservedVersion version, DateTimeOffset asOf) =>
        PatchesBehindUnknownReason(version) is null ? [.. Missing(version, asOf)] : [];

    /// <summary>
    /// How many patches of its cycle the version is behind as of <paramref name="asOf"/>; null when that cannot be told,
    /// for the reasons <see cref="PatchesBehindUnknownReason"/> gives.
    /// </summary>
    public int? PatchesBehind(ObservedVersion version, DateTimeOffset asOf) =>
        PatchesBehindUnknownReason(version) is null ? Missing(version, asOf).Count() : null;

    /// <summary>The earliest released of the missing patches (its age is the age of the gap); null when none or unknown.</summary>
    public PatchRelease? OldestMissingPatch(ObservedVersion version, DateTimeOffset asOf) =>
        MissingPatches(version, asOf).OrderBy(p => p.ReleasedAt).FirstOrDefault();

    /// <summary>
    /// Why the patch position of a version cannot be told, or null when it can:
    /// the version is unknown; it is an OpenShift version (a cluster's gitVersion carries the Kubernetes version, not
    /// the OpenShift patch); it is a distribution kernel (one its OS release maintains, <see cref="ObservedVersion.MaintainedBy"/>,
    /// whose fixes come as the distribution's own builds, not as upstream's patches); or the catalog has no patch data for
    /// the product (rhel, sles) or for that cycle.
    /// </summary>
    public string? PatchesBehindUnknownReason(ObservedVersion version)
    {
        if (!version.IsKnown) return $"version is unknown: {version.UnknownReason}";
        if (version.Product == PatchSources.OpenShift)
            return "OpenShift reports the Kubernetes version, not the OpenShift patch";
        if (version.MaintainedBy is { } maintainer)
            return $"distribution kernel maintained by {maintainer}: its fixes come as the distribution's builds, not as upstream patches";
        var source = PatchSources.PatchProductFor(version.Product);
        var index = byProduct.GetValueOrDefault(source);
        if (index is null || !index.HasPatches) return $"no patch data for {source}";
        if (index.Patches(version.Cycle).Count == 0) return $"no patch data for {source} {version.Cycle}";
        return null;
    }

    /// <summary>Vulnerabilities that list the patch's version in FixedIn for the patch's product.</summary>
    public IReadOnlyList<Vulnerability> VulnerabilitiesFixedBy(PatchRelease patch) =>
        fixedBy.TryGetValue((patch.Product, Plain(patch.Version)), out var list) ? list : [];

    /// <summary>True when a vulnerability of severity Critical is fixed by the patch (its 72-hour SLA applies).</summary>
    public bool IsCritical(PatchRelease patch) => VulnerabilitiesFixedBy(patch).Any(v => v.Severity == Severity.Critical);

    private IEnumerable<PatchRelease> Missing(ObservedVersion version, DateTimeOffset asOf)
    {
        var sorted = SortedLevels(version.Product, version.Cycle);
        for (var i = ProductIndex.FirstAbove(sorted, PatchLevelKey(version)); i < sorted.Count; i++)
        {
            if (sorted[i].Patch.ReleasedAt <= asOf) yield return sorted[i].Patch;
        }
    }

    private IReadOnlyList<IndexedPatch> SortedPatches(string product, string cycle) =>
        byProduct.GetValueOrDefault(PatchSources.PatchProductFor(product))?.Patches(cycle) ?? [];

    private IReadOnlyList<IndexedPatch> SortedLevels(string product, string cycle) =>
        byProduct.GetValueOrDefault(PatchSources.PatchProductFor(product))?.PatchLevels(cycle) ?? [];

    /// <summary>
    /// The version's patch level in its patch product's terms, the key it is compared with patch levels by: an EKS
    /// gitVersion is re-read as a Kubernetes version (1.29.3), a GKE build is its upstream level (1.33.5-gke.1080000 is 1.33.5).
    /// </summary>
    public static VersionKey PatchLevelKey(ObservedVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var source = PatchSources.PatchProductFor(version.Product);
        if (source == version.Product) return PatchSources.Level(source, version.Key);
        var reread = VersionParser.ParseForProduct(source, version.Normalized);
        return PatchSources.Level(source, reread.IsKnown ? reread.Key : version.Key);
    }

    private static string Plain(string version)
    {
        var trimmed = version.Trim();
        return trimmed.StartsWith('v') ? trimmed[1..] : trimmed;
    }
}
