using Compliance.Domain.Versions;

namespace Compliance.Domain.Catalog;

/// <summary>A patch with its comparable version key.</summary>
internal readonly record struct IndexedPatch(PatchRelease Patch, VersionKey Key);

/// <summary>
/// One product's facts, precomputed for look-ups: cycles by name and, per cycle, patches sorted by version key
/// ascending (ties by version spelling). A patch whose version its product's parser does not understand has no key to
/// compare with and is left out of the sorted lists; it stays in <see cref="Releases"/>. Versions repeated within a
/// product count once (the first one wins). Patch levels are the patches as verdicts count them: for a product that
/// lists vendor builds (<see cref="PatchSources.ListsVendorBuilds"/>) one per upstream level, released with its first build.
/// </summary>
internal sealed class ProductIndex
{
    private readonly Dictionary<string, ReleaseCycle> cycles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IndexedPatch[]> patchesByCycle = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IndexedPatch[]> levelsByCycle = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VersionKey> keys = new(StringComparer.Ordinal);

    /// <param name="releases">The product's facts.</param>
    /// <param name="previous">An earlier index of the same product whose parsed keys can be reused.</param>
    public ProductIndex(ProductReleases releases, ProductIndex? previous = null)
    {
        Releases = releases;
        foreach (var cycle in releases.Cycles) cycles[cycle.Cycle] = cycle;

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var grouped = new Dictionary<string, List<IndexedPatch>>(StringComparer.Ordinal);
        foreach (var patch in releases.Patches)
        {
            if (!seen.Add(patch.Version)) continue;
            var key = KeyOf(patch.Version, previous);
            if (key.IsEmpty) continue;
            if (!grouped.TryGetValue(patch.Cycle, out var list)) grouped[patch.Cycle] = list = [];
            list.Add(new IndexedPatch(patch, key));
        }

        foreach (var (cycle, list) in grouped)
        {
            list.Sort(static (a, b) =>
            {
                var byKey = a.Key.CompareTo(b.Key);
                return byKey != 0 ? byKey : string.CompareOrdinal(a.Patch.Version, b.Patch.Version);
            });
            patchesByCycle[cycle] = [.. list];
            levelsByCycle[cycle] = PatchSources.ListsVendorBuilds(releases.Product) ? Levels(releases.Product, cycle, list) : patchesByCycle[cycle];
        }
    }

    public ProductReleases Releases { get; }

    public bool HasPatches => patchesByCycle.Count > 0;

    public ReleaseCycle? Cycle(string cycle) => cycles.GetValueOrDefault(cycle);

    /// <summary>The cycle's patches sorted by version key ascending; empty when none are known.</summary>
    public IReadOnlyList<IndexedPatch> Patches(string cycle) =>
        patchesByCycle.TryGetValue(cycle, out var list) ? list : [];

    /// <summary>The cycle's patch levels sorted by key ascending; the patches themselves unless the product lists vendor builds.</summary>
    public IReadOnlyList<IndexedPatch> PatchLevels(string cycle) =>
        levelsByCycle.TryGetValue(cycle, out var list) ? list : [];

    /// <summary>Builds sorted by key grouped by level: one patch per level, spelled as the level, released with its first build.</summary>
    private static IndexedPatch[] Levels(string product, string cycle, List<IndexedPatch> sorted)
    {
        var levels = new List<IndexedPatch>();
        foreach (var group in sorted.GroupBy(p => PatchSources.Level(product, p.Key)))
        {
            var released = group.Min(p => p.Patch.ReleasedAt);
            levels.Add(new IndexedPatch(new PatchRelease(product, cycle, group.Key.ToString(), released), group.Key));
        }

        return [.. levels];
    }

    /// <summary>Index of the first patch of the sorted list whose key is greater than <paramref name="key"/>.</summary>
    public static int FirstAbove(IReadOnlyList<IndexedPatch> sorted, VersionKey key)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (sorted[mid].Key.CompareTo(key) <= 0) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private VersionKey KeyOf(string version, ProductIndex? previous)
    {
        if (previous is null || !previous.keys.TryGetValue(version, out var key))
        {
            var parsed = VersionParser.ParseForProduct(Releases.Product, version);
            key = parsed.IsKnown ? parsed.Key : VersionKey.Empty;
        }
        keys[version] = key;
        return key;
    }
}
