using System.Text.Json;
using Compliance.Domain.Catalog;

namespace Compliance.Application.Catalog;

/// <summary>
/// The catalog as shipped in the assembly (or read from a snapshot file): the <see cref="ReleaseCatalog"/>, each
/// product's provenance and how old the catalog is. Patch instants are 00:00 UTC of their catalog date. A source
/// <c>eol: true</c> becomes <see cref="ReleaseCycle.EolReached"/>; <c>eoas</c>/<c>eoes: true</c> without a date have
/// no place in <see cref="ReleaseCycle"/> and read as no date (in the August 2026 data they occur only on cycles whose
/// eol date is long past).
/// </summary>
public sealed class CatalogSnapshot
{
    public const string ResourceName = "Compliance.Catalog.snapshot.json";

    private static readonly Lazy<CatalogSnapshot> EmbeddedSnapshot = new(LoadEmbedded);

    private CatalogSnapshot(
        ReleaseCatalog catalog,
        IReadOnlyDictionary<string, Provenance> provenance,
        IReadOnlyDictionary<string, IReadOnlyList<PatchRelease>> unassigned)
    {
        Catalog = catalog;
        Provenance = provenance;
        Unassigned = unassigned;
        OldestRetrieval = provenance.Count == 0 ? null : provenance.Values.Min(p => p.RetrievedOn);
    }

    /// <summary>The snapshot embedded in this assembly, read once.</summary>
    public static CatalogSnapshot Embedded => EmbeddedSnapshot.Value;

    public ReleaseCatalog Catalog { get; }

    /// <summary>Where each product's facts came from and when they were retrieved, by product slug.</summary>
    public IReadOnlyDictionary<string, Provenance> Provenance { get; }

    /// <summary>Versions that match no cycle of their product, by product (empty cycle); not part of <see cref="Catalog"/>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<PatchRelease>> Unassigned { get; }

    /// <summary>The oldest retrieval date of any product; null for an empty snapshot.</summary>
    public DateOnly? OldestRetrieval { get; }

    /// <summary>Whole days from the oldest retrieval date to <paramref name="asOf"/>; null for an empty snapshot.</summary>
    public int? AgeInDays(DateOnly asOf) => OldestRetrieval is { } oldest ? asOf.DayNumber - oldest.DayNumber : null;

    public static CatalogSnapshot Load(ReadOnlySpan<byte> json)
    {
        var file = JsonSerializer.Deserialize(json, SnapshotJsonContext.Default.SnapshotFile)
            ?? throw new InvalidDataException("the catalog snapshot is empty");
        if (file.Format != SnapshotFile.CurrentFormat)
            throw new InvalidDataException($"catalog snapshot format {file.Format} is not {SnapshotFile.CurrentFormat}");

        var products = new List<ProductReleases>(file.Products.Count);
        var provenance = new Dictionary<string, Provenance>(StringComparer.Ordinal);
        var unassigned = new Dictionary<string, IReadOnlyList<PatchRelease>>(StringComparer.Ordinal);
        foreach (var p in file.Products)
        {
            var source = new Provenance(p.Source.Cycles, p.Source.Versions, p.Source.License, p.Source.RetrievedOn);
            provenance[p.Product] = source;
            var cycles = p.Cycles
                .Select(c => new ReleaseCycle(p.Product, c.Cycle, c.ReleaseDate, c.Eoas, c.Eol, c.Eoes, c.EolReached == true))
                .ToList();
            var patches = p.Cycles
                .SelectMany(c => (c.Patches ?? []).Select(pair => CatalogDates.Patch(p.Product, c.Cycle, pair[0], Day(pair[1]))))
                .ToList();
            products.Add(new ProductReleases(p.Product, p.Title, source, cycles, patches) { Identifiers = Identifiers(p) });
            unassigned[p.Product] = [.. (p.Unassigned ?? []).Select(pair => CatalogDates.Patch(p.Product, "", pair[0], Day(pair[1])))];
        }
        return new CatalogSnapshot(new ReleaseCatalog(products, []), provenance, unassigned);
    }

    private static CatalogSnapshot LoadEmbedded()
    {
        using var stream = typeof(CatalogSnapshot).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"resource {ResourceName} is missing from the assembly");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Load(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    private static ProductIdentifier[] Identifiers(SnapshotProduct product) =>
    [
        .. (product.Identifiers ?? []).Select(pair => pair is [var kind, var value] && CatalogIdentifiers.KindOf(kind) is { } known
            ? new ProductIdentifier(known, value)
            : throw new InvalidDataException($"catalog snapshot: {product.Product} has an identifier that is not [purl|cpe|repology, value]")),
    ];

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
