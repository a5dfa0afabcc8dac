using Compliance.Domain.Catalog;
using Compliance.Domain.Versions;

namespace Compliance.Application.Demo;

/// <summary>The catalog questions the simulation asks: cycles in release order, the next cycle, the latest patch by a date.</summary>
internal sealed class CatalogLookup(ReleaseCatalog catalog)
{
    private readonly Dictionary<string, IReadOnlyList<ReleaseCycle>> sorted = [];

    public ReleaseCatalog Catalog => catalog;

    /// <summary>Cycles of a product ordered by their numbers (1.9 before 1.10; cos-121 before cos-125).</summary>
    public IReadOnlyList<ReleaseCycle> Cycles(string product)
    {
        if (sorted.TryGetValue(product, out var cycles)) return cycles;
        cycles = [.. (catalog.Product(product)?.Cycles ?? []).OrderBy(c => KeyOf(c.Cycle))];
        sorted[product] = cycles;
        return cycles;
    }

    public ReleaseCycle? Cycle(string product, string cycle) => catalog.Cycle(product, cycle);

    /// <summary>The cycle right after <paramref name="cycle"/> (Kubernetes does not skip minors), or null.</summary>
    public ReleaseCycle? NextCycle(string product, string cycle)
    {
        var key = KeyOf(cycle);
        return Cycles(product).FirstOrDefault(c => KeyOf(c.Cycle) > key);
    }

    /// <summary>The newest cycle released at least <paramref name="age"/> before <paramref name="asOf"/>.</summary>
    public ReleaseCycle? NewestReleasedBefore(string product, DateTimeOffset asOf, TimeSpan age) =>
        Cycles(product).LastOrDefault(c => c.ReleaseDate is { } released && Start(released) <= asOf - age);

    public PatchRelease? Latest(string patchProduct, string cycle, DateTimeOffset asOf) => catalog.LatestPatch(patchProduct, cycle, asOf);

    /// <summary>Patches of the cycle released within [from, to], in release order.</summary>
    public IEnumerable<PatchRelease> ReleasedBetween(string patchProduct, string cycle, DateTimeOffset from, DateTimeOffset to) =>
        catalog.PatchesOf(patchProduct, cycle, to).Where(p => p.ReleasedAt >= from).OrderBy(p => p.ReleasedAt);

    public static VersionKey KeyOf(string version)
    {
        var numbers = new List<long>();
        long current = -1;
        foreach (var ch in version)
        {
            if (char.IsAsciiDigit(ch))
            {
                current = (current < 0 ? 0 : current * 10) + (ch - '0');
                continue;
            }
            if (current >= 0) numbers.Add(current);
            current = -1;
        }
        if (current >= 0) numbers.Add(current);
        return new VersionKey([.. numbers]);
    }

    public static DateTimeOffset Start(DateOnly day) => CatalogDates.StartOfDay(day);
}
