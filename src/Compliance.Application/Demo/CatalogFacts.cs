using Compliance.Domain.Catalog;
using Compliance.Domain.Commands;
using Compliance.Domain.Events;

namespace Compliance.Application.Demo;

/// <summary>
/// The catalog facts of the demo, from the shipped catalog: each release cycle the fleet ran (recorded when the
/// history starts, or on its release day if later), every patch of those cycles released during the history at its
/// real release instant, and the demo's critical vulnerability.
/// </summary>
internal static class CatalogFacts
{
    public static IEnumerable<DemoStep> Steps(
        CatalogLookup lookup, IEnumerable<ClusterTimeline> timelines, CriticalPatch? critical, DateTimeOffset start, DateTimeOffset end)
    {
        var used = UsedCycles(lookup, timelines);
        foreach (var (product, cycleName) in used)
        {
            var releases = lookup.Catalog.Product(product)!;
            var cycle = lookup.Cycle(product, cycleName)!;
            var at = cycle.ReleaseDate is { } released && CatalogLookup.Start(released) > start ? CatalogLookup.Start(released) : start.AddMinutes(1);
            if (at > end) continue;
            var fact = new ReleaseCycleRecorded(product, cycle.Cycle, cycle.ReleaseDate, cycle.Eoas, cycle.Eol, cycle.Eoes, cycle.EolReached, releases.Source.Cycles, at);
            yield return new DemoStep(at, new RecordCatalogFact(fact, Actors.Catalog, at));
            foreach (var patch in releases.Patches.Where(p => p.Cycle == cycleName && p.ReleasedAt >= start && p.ReleasedAt <= end))
            {
                var patchFact = new PatchReleased(product, cycleName, patch.Version, patch.ReleasedAt, patch.ReleasedAt);
                yield return new DemoStep(patch.ReleasedAt, new RecordCatalogFact(patchFact, Actors.Catalog, patch.ReleasedAt));
            }
        }
        if (critical is not null && critical.PublishedAt <= end)
        {
            yield return new DemoStep(critical.PublishedAt, new RecordCatalogFact(Vulnerability(critical), Actors.CveFeed, critical.PublishedAt));
        }
    }

    /// <summary>The demo's vulnerability: made up, and says so; it names the real patch that "fixes" it.</summary>
    public static VulnerabilityPublished Vulnerability(CriticalPatch critical) => new(
        "kubernetes",
        critical.CveId,
        Severity.Critical,
        $"DEMO ONLY, not a real vulnerability: kube-apiserver authorization bypass invented for `compliance demo`, fixed in Kubernetes {critical.Patch.Version}",
        $"https://demo.invalid/cve/{critical.CveId}",
        [critical.Patch.Version],
        critical.PublishedAt,
        critical.PublishedAt);

    /// <summary>(product, cycle) of every version the fleet ran and the catalog knows, in a stable order.</summary>
    public static IReadOnlyList<(string Product, string Cycle)> UsedCycles(CatalogLookup lookup, IEnumerable<ClusterTimeline> timelines)
    {
        var used = new SortedSet<(string Product, string Cycle)>();
        foreach (var timeline in timelines)
        {
            var spec = timeline.Spec;
            foreach (var state in timeline.States.Select(s => s.State))
            {
                used.Add((Render.ControlPlaneProduct(spec.Flavour), state.ControlCycle));
                used.Add((Render.PatchProduct(spec.Flavour), state.ControlCycle));
                if (spec.Os == NodeOs.Ubuntu) used.Add(("ubuntu", state.OsCycle));
                used.Add(("linux-kernel", FleetState.CycleOf(state.Kernel)));
                used.Add(("containerd", state.RuntimeCycle));
                foreach (var (product, version) in state.AddOns) used.Add((product, FleetState.CycleOf(version)));
            }
        }
        return [.. used.Where(u => lookup.Cycle(u.Product, u.Cycle) is not null)];
    }
}
