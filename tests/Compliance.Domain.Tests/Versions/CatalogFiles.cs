using System.Text.Json;

namespace Compliance.Domain.Tests.Versions;

/// <summary>The endoflife.date catalog files the service's snapshot is built from (the repository's <c>data/catalog</c>),
/// read raw (cycle and version strings only).</summary>
public static class CatalogFiles
{
    /// <param name="Latest">Each cycle's <c>latest</c> version where the cycle table gives one.</param>
    public sealed record Product(
        string Name,
        IReadOnlyList<string> Cycles,
        IReadOnlyList<string> Versions,
        IReadOnlyList<(string Cycle, string Version)> Latest);

    private static readonly Lazy<IReadOnlyList<Product>> Loaded = new(Load);

    public static IReadOnlyList<Product> All => Loaded.Value;

    private static IReadOnlyList<Product> Load()
    {
        var dir = RepositoryPaths.CatalogSource;
        System.IO.Directory.Exists(dir).ShouldBeTrue($"catalog folder {dir} not found in the repository");
        return [.. System.IO.Directory.EnumerateFiles(dir, "*.json").Order(StringComparer.Ordinal).Select(Read)];
    }

    private static Product Read(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
        var root = doc.RootElement;
        var cycles = root.GetProperty("cycles").EnumerateArray().Select(c => c.GetProperty("releaseCycle").GetString()!).ToList();
        var versions = root.TryGetProperty("versions", out var v)
            ? v.EnumerateArray().Select(x => x.GetProperty("version").GetString()!).ToList()
            : [];
        var latest = root.GetProperty("cycles").EnumerateArray()
            .Where(c => c.TryGetProperty("latest", out var l) && l.ValueKind == JsonValueKind.String)
            .Select(c => (c.GetProperty("releaseCycle").GetString()!, c.GetProperty("latest").GetString()!))
            .ToList();
        return new(root.GetProperty("product").GetString()!, cycles, versions, latest);
    }
}
