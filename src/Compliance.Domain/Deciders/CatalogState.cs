using System.Collections.Immutable;
using Compliance.Domain.Events;

namespace Compliance.Domain.Deciders;

/// <summary>What the <c>catalog-{product}</c> stream knows: the latest fact per cycle, patch version and CVE.</summary>
public sealed record CatalogState(
    ImmutableDictionary<string, ReleaseCycleRecorded> Cycles,
    ImmutableDictionary<string, PatchReleased> Patches,
    ImmutableDictionary<string, VulnerabilityPublished> Vulnerabilities)
{
    public static CatalogState Empty { get; } = new(
        ImmutableDictionary<string, ReleaseCycleRecorded>.Empty.WithComparers(StringComparer.Ordinal),
        ImmutableDictionary<string, PatchReleased>.Empty.WithComparers(StringComparer.Ordinal),
        ImmutableDictionary<string, VulnerabilityPublished>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase));
}
