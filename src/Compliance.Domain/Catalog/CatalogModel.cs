namespace Compliance.Domain.Catalog;

/// <summary>Where a product's facts came from and when they were retrieved.</summary>
public sealed record Provenance(string Cycles, string Versions, string License, DateOnly RetrievedOn);

/// <summary>
/// A release line. Dates are whole days in UTC. <see cref="Eol"/> null with <see cref="EolReached"/> false means no
/// end-of-life is announced; <see cref="EolReached"/> true with no date means the source says it ended without a date.
/// </summary>
public sealed record ReleaseCycle(
    string Product,
    string Cycle,
    DateOnly? ReleaseDate,
    DateOnly? Eoas,
    DateOnly? Eol,
    DateOnly? Eoes,
    bool EolReached = false);

/// <summary>One patch version of a cycle with the instant it was released.</summary>
public sealed record PatchRelease(string Product, string Cycle, string Version, DateTimeOffset ReleasedAt);

public enum Severity
{
    Unknown,
    Low,
    Medium,
    High,
    Critical,
}

/// <summary>A published vulnerability and, where recorded, the patch version that fixes it.</summary>
public sealed record Vulnerability(
    string Id,
    string Product,
    Severity Severity,
    string Summary,
    string Url,
    DateTimeOffset PublishedAt,
    IReadOnlyList<string> FixedIn);

/// <summary>All release facts of one product.</summary>
public sealed record ProductReleases(
    string Product,
    string Title,
    Provenance Source,
    IReadOnlyList<ReleaseCycle> Cycles,
    IReadOnlyList<PatchRelease> Patches)
{
    /// <summary>The names the product is known by elsewhere (purl, CPE, Repology), as the catalog source lists them.</summary>
    public IReadOnlyList<ProductIdentifier> Identifiers { get; init; } = [];
}
