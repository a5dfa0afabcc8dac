using System.Text.Json;
using Compliance.Application.Files;
using Compliance.Domain.Versions;

namespace Compliance.Application.Catalog;

/// <summary>
/// Builds the shipped snapshot from endoflife.date product files (<c>*.json</c> of a folder). Deterministic: the same
/// files give the same bytes (products by slug, cycles by release date newest first then name, patches by version).
/// Each version goes to the cycle <see cref="VersionParser.ParseForProduct"/> gives it; a version that matches no cycle
/// of its product is kept in the product's <c>unassigned</c> list and counted, never dropped.
/// </summary>
public static class CatalogSnapshotBuilder
{
    /// <summary>Reads <paramref name="sourceDir"/>, writes the snapshot to <paramref name="outFile"/> unless a source file is malformed.</summary>
    public static async Task<CatalogBuildSummary> BuildAsync(string sourceDir, string outFile, CancellationToken ct)
    {
        var (bytes, summary) = await BuildBytesAsync(sourceDir, ct).ConfigureAwait(false);
        if (bytes is null) return summary;
        await AtomicFile.WriteAsync(outFile, bytes, ct).ConfigureAwait(false);
        return summary with { Written = true };
    }

    /// <summary>The snapshot bytes built from <paramref name="sourceDir"/>; null bytes when a source file is malformed.</summary>
    public static async Task<(byte[]? Bytes, CatalogBuildSummary Summary)> BuildBytesAsync(string sourceDir, CancellationToken ct)
    {
        var files = Directory.GetFiles(sourceDir, "*.json").Order(StringComparer.Ordinal).ToList();
        var sources = new List<(string Name, byte[] Json)>(files.Count);
        foreach (var file in files)
        {
            sources.Add((Path.GetFileName(file), await File.ReadAllBytesAsync(file, ct).ConfigureAwait(false)));
        }
        return Build(sources);
    }

    /// <summary>The snapshot bytes built from source files given as (file name, content).</summary>
    public static (byte[]? Bytes, CatalogBuildSummary Summary) Build(IEnumerable<(string Name, byte[] Json)> sources)
    {
        var problems = new List<string>();
        var products = new List<SnapshotProduct>();
        foreach (var (name, json) in sources.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            var (source, problem) = EndOfLifeSource.Read(name, json);
            if (problem is not null) problems.Add(problem);
            else products.Add(ToSnapshot(source!));
        }

        var duplicates = products.GroupBy(p => p.Product, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);
        problems.AddRange(duplicates.Select(d => $"product {d} appears in more than one file"));
        products.Sort((a, b) => string.CompareOrdinal(a.Product, b.Product));

        var unassigned = products.ToDictionary(p => p.Product, p => p.Unassigned?.Count ?? 0, StringComparer.Ordinal);
        var summary = new CatalogBuildSummary(
            products.Count,
            products.Sum(p => p.Cycles.Count),
            products.Sum(p => p.Cycles.Sum(c => c.Patches.Count)),
            unassigned.Values.Sum(),
            unassigned,
            problems,
            Written: false);
        if (problems.Count > 0) return (null, summary);
        var file = new SnapshotFile(SnapshotFile.CurrentFormat, products);
        return (JsonSerializer.SerializeToUtf8Bytes(file, SnapshotJsonContext.Default.SnapshotFile), summary);
    }

    private static SnapshotProduct ToSnapshot(SourceProduct source)
    {
        var names = source.Cycles.Select(c => c.Cycle).ToHashSet(StringComparer.Ordinal);
        var byCycle = new Dictionary<string, List<(VersionKey Key, SourceVersion Version)>>(StringComparer.Ordinal);
        var unassigned = new List<SourceVersion>();
        foreach (var version in source.Versions)
        {
            var parsed = VersionParser.ParseForProduct(source.Product, version.Version);
            if (!parsed.IsKnown || !names.Contains(parsed.Cycle))
            {
                unassigned.Add(version);
                continue;
            }
            if (!byCycle.TryGetValue(parsed.Cycle, out var list)) byCycle[parsed.Cycle] = list = [];
            list.Add((parsed.Key, version));
        }

        var cycles = source.Cycles
            .GroupBy(c => c.Cycle, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderByDescending(c => c.ReleaseDate ?? DateOnly.MinValue)
            .ThenBy(c => c.Cycle, StringComparer.Ordinal)
            .Select(c => new SnapshotCycle(
                c.Cycle,
                c.ReleaseDate,
                c.Eoas.Date,
                c.Eol.Date,
                c.Eoes.Date,
                Flag(c.Eoas),
                Flag(c.Eol),
                Flag(c.Eoes),
                Patches(byCycle.GetValueOrDefault(c.Cycle) ?? [])))
            .ToList();

        return new SnapshotProduct(
            source.Product,
            source.Title,
            source.Identifiers.Count == 0 ? null : [.. source.Identifiers.Select(i => new[] { i.Kind, i.Value })],
            source.Source,
            cycles,
            unassigned.Count == 0
                ? null
                : [.. unassigned.OrderBy(v => v.Version, StringComparer.Ordinal).ThenBy(v => v.Date).Select(Pair)]);
    }

    private static string[][] Patches(List<(VersionKey Key, SourceVersion Version)> versions) =>
    [
        .. versions
            .OrderBy(v => v.Key)
            .ThenBy(v => v.Version.Version, StringComparer.Ordinal)
            .ThenBy(v => v.Version.Date)
            .Select(v => Pair(v.Version)),
    ];

    private static string[] Pair(SourceVersion v) => [v.Version, v.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)];

    private static bool? Flag(SupportDate date) => date.Reached ? true : null;
}
