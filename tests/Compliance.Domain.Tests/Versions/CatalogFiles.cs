using System.Text.Json;

namespace Compliance.Domain.Tests.Versions;

/// <summary>The endoflife.date catalog files the service's snapshot is built from, read raw (cycle and version strings only).</summary>
public static class CatalogFiles
{
    public sealed record Product(string Name, IReadOnlyList<string> Cycles, IReadOnlyList<string> Versions);

    private static readonly Lazy<IReadOnlyList<Product>> Loaded = new(Load);

    public static IReadOnlyList<Product> All => Loaded.Value;

    /// <summary>COMPLIANCE_CATALOG_DIR, else a data/catalog folder above the test binaries, else the shared folder.</summary>
    public static string Directory()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("COMPLIANCE_CATALOG_DIR");
        if (!string.IsNullOrEmpty(fromEnvironment)) return fromEnvironment;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "data", "catalog"), Path.Combine(dir.FullName, "shared", "data", "catalog") })
                if (System.IO.Directory.Exists(candidate) && System.IO.Directory.EnumerateFiles(candidate, "*.json").Any()) return candidate;
        }
        return "/work/shared/data/catalog";
    }

    private static IReadOnlyList<Product> Load()
    {
        var dir = Directory();
        System.IO.Directory.Exists(dir).ShouldBeTrue($"catalog folder {dir} not found; set COMPLIANCE_CATALOG_DIR");
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
        return new(root.GetProperty("product").GetString()!, cycles, versions);
    }
}
