using Compliance.Domain.Commands;
using Compliance.Domain.Events;

namespace Compliance.Domain.Deciders;

/// <summary>
/// Decides <see cref="RecordCatalogFact"/> on stream <c>catalog-{product}</c>. A refresh that brings nothing new
/// records nothing. A cycle whose dates changed (an announced EOL, an extension) is a new fact; its source alone
/// changing is not. A patch version is released once: its first recorded release instant stands. A vulnerability
/// whose details changed (a fixing version added, severity revised) is a new fact.
/// </summary>
public static class CatalogDecider
{
    public static CatalogState Initial => CatalogState.Empty;

    public static Decision Decide(RecordCatalogFact command, CatalogState state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        var fact = command.Fact;
        if (fact is null) return Decision.Reject("catalog fact is required");
        if (Rules.IsBlank(fact.Product)) return Decision.Reject($"{fact.GetType().Name} has no product");
        return fact switch
        {
            ReleaseCycleRecorded e when Rules.IsBlank(e.Cycle) => Decision.Reject($"release cycle of '{e.Product}' has no cycle name"),
            ReleaseCycleRecorded e => state.Cycles.TryGetValue(e.Cycle, out var known) && SameDates(known, e) ? Decision.Unchanged : Decision.Accept(e),
            PatchReleased e when Rules.IsBlank(e.Cycle) => Decision.Reject($"patch '{e.Version}' of '{e.Product}' has no cycle"),
            PatchReleased e when Rules.IsBlank(e.Version) => Decision.Reject($"patch of '{e.Product}' {e.Cycle} has no version"),
            PatchReleased e => state.Patches.ContainsKey(e.Version) ? Decision.Unchanged : Decision.Accept(e),
            VulnerabilityPublished e when !Rules.IsCveId(e.CveId) => Decision.Reject($"'{e.CveId}' is not a CVE id (CVE-YYYY-NNNN)"),
            VulnerabilityPublished e => state.Vulnerabilities.TryGetValue(e.CveId, out var known) && SameVulnerability(known, e)
                ? Decision.Unchanged
                : Decision.Accept(e),
            _ => throw new InvalidOperationException($"{fact.GetType().Name} is not handled by {nameof(CatalogDecider)}"),
        };
    }

    public static CatalogState Evolve(CatalogState state, DomainEvent @event) => @event switch
    {
        ReleaseCycleRecorded e => state with { Cycles = state.Cycles.SetItem(e.Cycle, e) },
        PatchReleased e when !state.Patches.ContainsKey(e.Version) => state with { Patches = state.Patches.Add(e.Version, e) },
        VulnerabilityPublished e => state with { Vulnerabilities = state.Vulnerabilities.SetItem(e.CveId, e) },
        _ => state,
    };

    private static bool SameDates(ReleaseCycleRecorded known, ReleaseCycleRecorded seen) =>
        known.ReleaseDate == seen.ReleaseDate && known.Eoas == seen.Eoas && known.Eol == seen.Eol
        && known.Eoes == seen.Eoes && known.EolReached == seen.EolReached;

    private static bool SameVulnerability(VulnerabilityPublished known, VulnerabilityPublished seen) =>
        known.Severity == seen.Severity && known.Summary == seen.Summary && known.Url == seen.Url
        && known.PublishedAt == seen.PublishedAt && Rules.SameItems(known.FixedIn, seen.FixedIn);
}
