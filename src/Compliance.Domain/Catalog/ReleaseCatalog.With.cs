using Compliance.Domain.Events;

namespace Compliance.Domain.Catalog;

public sealed partial class ReleaseCatalog
{
    /// <summary>
    /// A new catalog with catalog events folded on top of this one, in order:
    /// <see cref="ReleaseCycleRecorded"/> replaces the cycle of the same name (or adds it);
    /// <see cref="PatchReleased"/> adds the patch unless the product already has that version (so replays are harmless);
    /// <see cref="VulnerabilityPublished"/> adds the vulnerability, or replaces the one with the same id and product
    /// (a later publication may name the fixing patch). A product first seen in an event gets its slug as title and the
    /// event's source and date as provenance. Products no event touches are shared, not re-indexed.
    /// </summary>
    public ReleaseCatalog With(IEnumerable<CatalogEvent> events)
    {
        var changed = new Dictionary<string, ProductChanges>(StringComparer.Ordinal);
        var newVulns = new List<Vulnerability>(vulns);
        foreach (var e in events)
        {
            switch (e)
            {
                case ReleaseCycleRecorded r:
                    Changes(r.Product, r.Source, r.At).Record(
                        new ReleaseCycle(r.Product, r.Cycle, r.ReleaseDate, r.Eoas, r.Eol, r.Eoes, r.EolReached));
                    break;
                case PatchReleased p:
                    Changes(p.Product, "catalog events", p.At).Release(new PatchRelease(p.Product, p.Cycle, p.Version, p.ReleasedAt));
                    break;
                case VulnerabilityPublished v:
                    var vuln = new Vulnerability(v.CveId, v.Product, v.Severity, v.Summary, v.Url, v.PublishedAt, [.. v.FixedIn]);
                    var at = newVulns.FindIndex(x => x.Id == v.CveId && x.Product == v.Product);
                    if (at >= 0) newVulns[at] = vuln;
                    else newVulns.Add(vuln);
                    break;
            }
        }

        var indexes = new Dictionary<string, ProductIndex>(byProduct, StringComparer.Ordinal);
        foreach (var (product, change) in changed)
        {
            indexes[product] = new ProductIndex(change.Build(), byProduct.GetValueOrDefault(product));
        }
        return new ReleaseCatalog(indexes, newVulns);

        ProductChanges Changes(string product, string source, DateTimeOffset at)
        {
            if (!changed.TryGetValue(product, out var change))
            {
                var existing = Product(product) ?? new ProductReleases(
                    product, product, new Provenance(source, source, "", DateOnly.FromDateTime(at.UtcDateTime)), [], []);
                changed[product] = change = new ProductChanges(existing);
            }
            return change;
        }
    }

    private sealed class ProductChanges(ProductReleases start)
    {
        private readonly List<ReleaseCycle> cycles = [.. start.Cycles];
        private readonly List<PatchRelease> patches = [.. start.Patches];
        private readonly HashSet<string> versions = [.. start.Patches.Select(p => p.Version)];

        public void Record(ReleaseCycle cycle)
        {
            var at = cycles.FindIndex(c => c.Cycle == cycle.Cycle);
            if (at >= 0) cycles[at] = cycle;
            else cycles.Add(cycle);
        }

        public void Release(PatchRelease patch)
        {
            if (versions.Add(patch.Version)) patches.Add(patch);
        }

        public ProductReleases Build() => start with { Cycles = cycles, Patches = patches };
    }
}
