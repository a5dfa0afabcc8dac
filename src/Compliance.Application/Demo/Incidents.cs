using Compliance.Domain.Catalog;

namespace Compliance.Application.Demo;

/// <summary>
/// A critical vulnerability fixed by a real Kubernetes patch, and how long after the patch's SLA clock started (the end
/// of its release day: the catalog knows the day only) each exposed cluster finished its emergency patch (production
/// within 72 hours except payments-prod, which took about 80).
/// </summary>
internal sealed record CriticalPatch(PatchRelease Patch, string CveId, IReadOnlyDictionary<string, TimeSpan> DelayByCluster)
{
    public DateTimeOffset PublishedAt => Patch.ReleasedAt.AddHours(2);

    public DateTimeOffset ClockFrom => CatalogDates.ClockStart(Patch.ReleasedAt);
}

/// <summary>A version changed by hand on a cluster, outside any window and without an emergency record.</summary>
internal sealed record UnrecordedChange(string ClusterId, DateTimeOffset At, string Product, string Version);

/// <summary>The out-of-band events, chosen from a first run of the fleet so they fall between windows.</summary>
internal sealed record Incidents(CriticalPatch? Critical, UnrecordedChange? Unrecorded)
{
    public static Incidents None { get; } = new(null, null);

    private static readonly TimeSpan StagingDelay = TimeSpan.FromHours(6);
    private static readonly TimeSpan ProductionDelay = TimeSpan.FromHours(30);
    private static readonly TimeSpan LateDelay = TimeSpan.FromHours(80);

    /// <summary>
    /// The critical patch: the first Kubernetes patch, released after the fleet's first five months and at least
    /// 20 days before today, that web-prod and payments-prod both lacked on their cycle when it came out, with no window
    /// of any exposed cluster from a day before to five days after. The unrecorded change: the first Thursday after eight
    /// months on which shop-staging's cert-manager (else fluent-bit) had a newer patch available, away from windows.
    /// </summary>
    public static Incidents Choose(FleetSimulation first, CatalogLookup lookup, ScenarioPlan plan, int seed) =>
        new(ChooseCritical(first, lookup, plan, seed), ChooseUnrecorded(first, lookup, plan));

    private static CriticalPatch? ChooseCritical(FleetSimulation first, CatalogLookup lookup, ScenarioPlan plan, int seed)
    {
        var patches = (lookup.Catalog.Product("kubernetes")?.Patches ?? [])
            .Where(p => p.ReleasedAt >= plan.Start.AddMonths(5) && p.ReleasedAt <= plan.End.AddDays(-20))
            .OrderBy(p => p.ReleasedAt)
            .ThenBy(p => CatalogLookup.KeyOf(p.Version));
        foreach (var patch in patches)
        {
            var exposed = first.Timelines.Values
                .Where(t => t.Spec.FollowsUpstreamPatches && Exposed(t.At(patch.ReleasedAt), patch))
                .ToList();
            if (!exposed.Any(t => t.Spec.Id == "web-prod") || !exposed.Any(t => t.Spec.Id == "payments-prod")) continue;
            if (exposed.Any(t => t.HasWindowNear(patch.ReleasedAt.AddDays(-1), patch.ReleasedAt.AddDays(5)))) continue;
            var delays = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
            var productionIndex = 0;
            foreach (var t in exposed)
            {
                delays[t.Spec.Id] = t.Spec.IsStaging ? StagingDelay
                    : t.Spec.Id == "payments-prod" ? LateDelay
                    : ProductionDelay + TimeSpan.FromHours(4 * productionIndex++);
            }
            var cveId = $"CVE-{patch.ReleasedAt.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)}-{(90000 + (Math.Abs(seed) % 10000)).ToString(System.Globalization.CultureInfo.InvariantCulture)}";
            return new CriticalPatch(patch, cveId, delays);
        }
        return null;
    }

    /// <summary>The cluster ran an older version of the patch's cycle when the patch came out.</summary>
    public static bool Exposed(FleetState state, PatchRelease patch) =>
        state.ControlCycle == patch.Cycle && CatalogLookup.KeyOf(state.ControlPlane) < CatalogLookup.KeyOf(patch.Version);

    private static UnrecordedChange? ChooseUnrecorded(FleetSimulation first, CatalogLookup lookup, ScenarioPlan plan)
    {
        var timeline = first.Timelines["shop-staging"];
        foreach (var product in new[] { "cert-manager", "fluent-bit" })
        {
            var day = plan.Start.AddMonths(8);
            while (day.DayOfWeek != DayOfWeek.Thursday) day = day.AddDays(1);
            for (var at = day.AddHours(13).AddMinutes(42); at < plan.End.AddDays(-3); at = at.AddDays(7))
            {
                if (timeline.HasWindowNear(at.AddDays(-2), at.AddDays(2))) continue;
                var current = timeline.At(at).AddOns[product];
                var newer = lookup.Latest(product, FleetState.CycleOf(current), at)?.Version;
                if (newer is not null && CatalogLookup.KeyOf(newer) > CatalogLookup.KeyOf(current)) return new UnrecordedChange("shop-staging", at, product, newer);
            }
        }
        return null;
    }
}
