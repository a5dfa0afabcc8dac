using Compliance.Domain.Catalog;

namespace Compliance.Domain.Tests.Verdicts;

/// <summary>Hand-built catalogs, so each table states its own dates.</summary>
internal static class Catalogs
{
    private static readonly Provenance Source = new("test", "test", "MIT", new DateOnly(2026, 8, 1));

    public static DateOnly Date(int year, int month, int day) => new(year, month, day);

    public static ReleaseCycle Cycle(string product, string cycle, DateOnly? eoas, DateOnly? eol, DateOnly? eoes = null, bool eolReached = false) =>
        new(product, cycle, new DateOnly(2023, 1, 1), eoas, eol, eoes, eolReached);

    public static PatchRelease Patch(string product, string version, DateTimeOffset releasedAt) =>
        new(product, string.Join('.', version.Split('.').Take(2)), version, releasedAt);

    public static ProductReleases Product(string product, IReadOnlyList<ReleaseCycle> cycles, params PatchRelease[] patches) =>
        new(product, product, Source, cycles, patches);

    public static ReleaseCatalog Of(params ProductReleases[] products) => new(products, []);

    public static Vulnerability Critical(string product, string fixedIn, DateTimeOffset publishedAt) =>
        new("CVE-2026-1234", product, Severity.Critical, "remote code execution", "https://example.test/cve", publishedAt, [fixedIn]);
}
