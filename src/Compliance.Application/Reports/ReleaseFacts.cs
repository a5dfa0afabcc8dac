using Compliance.Domain.Catalog;
using Compliance.Domain.Events;

namespace Compliance.Application.Reports;

/// <summary>
/// Where each patch release a report cites is recorded: the catalog fact in the ledger (<c>PatchReleased</c>, the first
/// one recorded by as-of), or else the shipped catalog snapshot, named by its source.
/// </summary>
internal sealed class ReleaseFacts(ReleaseCatalog shipped, IEnumerable<(PatchReleased Fact, Citation Citation)> recorded)
{
    private const string ShippedActor = "shipped catalog";
    private readonly Dictionary<(string Product, string Version), Citation> byPatch = Index(recorded);

    public Citation Of(string product, string version)
    {
        if (byPatch.TryGetValue((product, version), out var citation)) return citation;
        var source = PatchSources.PatchProductFor(product);
        if (byPatch.TryGetValue((source, version), out citation)) return citation;
        var provenance = shipped.Product(product)?.Source ?? shipped.Product(source)?.Source;
        return new Citation("release", null, ShippedActor, provenance is null ? "release catalog snapshot" : $"catalog snapshot ({provenance.Versions})");
    }

    private static Dictionary<(string, string), Citation> Index(IEnumerable<(PatchReleased Fact, Citation Citation)> recorded)
    {
        var index = new Dictionary<(string, string), Citation>();
        foreach (var (fact, citation) in recorded) index.TryAdd((fact.Product, fact.Version), citation);
        return index;
    }
}
