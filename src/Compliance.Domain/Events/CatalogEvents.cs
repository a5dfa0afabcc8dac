using Compliance.Domain.Catalog;

namespace Compliance.Domain.Events;

/// <summary>Facts of stream <c>catalog-{product}</c>: release cycles, patches and vulnerabilities as they became known.</summary>
public abstract record CatalogEvent(string Product) : DomainEvent;

public sealed record ReleaseCycleRecorded(
    string Product,
    string Cycle,
    DateOnly? ReleaseDate,
    DateOnly? Eoas,
    DateOnly? Eol,
    DateOnly? Eoes,
    bool EolReached,
    string Source,
    DateTimeOffset At) : CatalogEvent(Product);

public sealed record PatchReleased(string Product, string Cycle, string Version, DateTimeOffset ReleasedAt, DateTimeOffset At)
    : CatalogEvent(Product);

public sealed record VulnerabilityPublished(
    string Product,
    string CveId,
    Severity Severity,
    string Summary,
    string Url,
    IReadOnlyList<string> FixedIn,
    DateTimeOffset PublishedAt,
    DateTimeOffset At) : CatalogEvent(Product);
