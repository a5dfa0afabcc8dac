using System.Collections.Immutable;
using System.Globalization;
using Compliance.Domain.Catalog;

namespace Compliance.Application.Demo;

/// <summary>
/// How a staging cluster chooses versions (production follows its staging cluster, see <see cref="FleetSimulation"/>):
/// the latest patch of each component's cycle released by the time the component is upgraded; a Kubernetes minor
/// once the next cycle has been out 45 days at scheduling, only in windows scheduled a month ahead (notice), and 60 days after the previous minor; other
/// products move to a newer cycle when theirs reaches EOL within 120 days.
/// </summary>
internal sealed class ComponentRules(CatalogLookup lookup, ScenarioPlan plan)
{
    private static readonly TimeSpan MinorAfterRelease = TimeSpan.FromDays(45);
    private static readonly TimeSpan MinorGap = TimeSpan.FromDays(60);
    private static readonly TimeSpan MinorNotice = TimeSpan.FromDays(31);
    private static readonly TimeSpan LifecycleHorizon = TimeSpan.FromDays(120);

    public static readonly string[] LifecycleProducts = ["containerd", "cert-manager", "cilium", "fluent-bit"];

    /// <summary>What a cluster runs when the history starts (production starts where its staging cluster starts).</summary>
    public FleetState Initial(ClusterSpec spec, DateTimeOffset at)
    {
        var cpProduct = Render.ControlPlaneProduct(spec.Flavour);
        var cycle = lookup.NewestReleasedBefore(cpProduct, at, TimeSpan.FromDays(120))?.Cycle ?? lookup.Cycles(cpProduct)[0].Cycle;
        if (spec.Pair == "billing" && CatalogLookup.KeyOf(plan.EolCycle.Cycle) < CatalogLookup.KeyOf(cycle)) cycle = plan.EolCycle.Cycle;
        var cp = Patch(Render.PatchProduct(spec.Flavour), cycle, at) ?? $"{cycle}.0";
        var addOns = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal,
            AddOns.For(spec).Select(a => KeyValuePair.Create(a.Product, InitialAddOn(a.Product, at))));
        var runtimeCycle = InitialCycle("containerd", at);
        return new FleetState(cp, cycle, OsCycle(spec, cycle), OsVersion(spec, cycle, at), Kernel(spec, at), Patch("containerd", runtimeCycle, at) ?? runtimeCycle, addOns);
    }

    /// <summary>The control-plane cycle a staging cluster plans at <paramref name="scheduledAt"/> for a window starting at <paramref name="startsAt"/>.</summary>
    public string PlanControlCycle(ClusterSpec spec, string current, DateTimeOffset scheduledAt, DateTimeOffset startsAt, DateTimeOffset lastMinorAt)
    {
        var next = lookup.NextCycle(Render.ControlPlaneProduct(spec.Flavour), current);
        if (next?.ReleaseDate is not { } released) return current;
        if (CatalogLookup.Start(released) > scheduledAt - MinorAfterRelease || startsAt - lastMinorAt < MinorGap) return current;
        if (startsAt - scheduledAt < MinorNotice) return current;
        return Patch(Render.PatchProduct(spec.Flavour), next.Cycle, scheduledAt) is null ? current : next.Cycle;
    }

    /// <summary>
    /// Everything on a staging cluster at its latest patch as of <paramref name="at"/>, the control plane on
    /// <paramref name="controlCycle"/>; other products change cycle only when <paramref name="newCycles"/> (the window
    /// was scheduled a month ahead, so a breaking change could be announced in time).
    /// </summary>
    public FleetState Target(ClusterSpec spec, FleetState current, string controlCycle, DateTimeOffset windowStart, DateTimeOffset at, bool newCycles)
    {
        var horizon = newCycles ? windowStart : DateTimeOffset.MinValue;
        var cp = Newer(current.ControlPlane, Patch(Render.PatchProduct(spec.Flavour), controlCycle, at));
        var addOns = current.AddOns.ToImmutableSortedDictionary(
            pair => pair.Key,
            pair => pair.Key == AddOns.IngressNginx
                ? Newer(pair.Value, AddOns.IngressVersionAt(at))
                : Newer(pair.Value, Patch(pair.Key, LifecycleCycle(pair.Key, FleetState.CycleOf(pair.Value), horizon), at)),
            StringComparer.Ordinal);
        var runtime = Newer(current.Runtime, Patch("containerd", LifecycleCycle("containerd", current.RuntimeCycle, horizon), at));
        return current with
        {
            ControlPlane = cp,
            ControlCycle = controlCycle,
            OsCycle = OsCycle(spec, controlCycle),
            Os = Newer(current.Os, OsVersion(spec, controlCycle, at)),
            Kernel = Newer(current.Kernel, Kernel(spec, at)),
            Runtime = runtime,
            AddOns = addOns,
        };
    }

    /// <summary>The latest patch of the cycle released by <paramref name="at"/>, or null.</summary>
    public string? Patch(string product, string cycle, DateTimeOffset at) => lookup.Latest(product, cycle, at)?.Version;

    /// <summary>The higher of two versions (by their numbers); the current one when the candidate is missing.</summary>
    public static string Newer(string current, string? candidate) =>
        candidate is not null && CatalogLookup.KeyOf(candidate) > CatalogLookup.KeyOf(current) ? candidate : current;

    private string InitialAddOn(string product, DateTimeOffset at) =>
        product == AddOns.IngressNginx ? AddOns.IngressVersionAt(at.AddDays(-30)) : Patch(product, InitialCycle(product, at), at) ?? InitialCycle(product, at);

    private string InitialCycle(string product, DateTimeOffset at) =>
        lookup.NewestReleasedBefore(product, at, TimeSpan.FromDays(60))?.Cycle ?? lookup.Cycles(product)[^1].Cycle;

    /// <summary>The cycle to run from <paramref name="windowStart"/>: the current one unless its EOL is near.</summary>
    private string LifecycleCycle(string product, string current, DateTimeOffset windowStart)
    {
        var cycle = lookup.Cycle(product, current);
        if (cycle is null || windowStart == DateTimeOffset.MinValue) return current;
        var ending = cycle.EolReached || (cycle.Eol is { } eol && CatalogLookup.Start(eol) <= windowStart + LifecycleHorizon);
        if (!ending) return current;
        var key = CatalogLookup.KeyOf(current);
        var candidates = lookup.Cycles(product)
            .Where(c => CatalogLookup.KeyOf(c.Cycle) > key && c.ReleaseDate is { } r && CatalogLookup.Start(r) <= windowStart.AddDays(-30))
            .ToList();
        var lasting = candidates.LastOrDefault(c => !c.EolReached && (c.Eol is not { } e || CatalogLookup.Start(e) > windowStart.AddDays(180)));
        return (lasting ?? candidates.LastOrDefault())?.Cycle ?? current;
    }

    private string OsCycle(ClusterSpec spec, string controlCycle) => spec.Os switch
    {
        NodeOs.Ubuntu => plan.UbuntuCycle,
        NodeOs.Bottlerocket => $"aws-k8s-{controlCycle}",
        _ => "",
    };

    /// <summary>
    /// Ubuntu: the latest point release of the fleet's LTS cycle. Bottlerocket (not in the catalog): a synthetic
    /// 1.MINOR.0 release train, about three minors every two months from 1.20 in May 2024. COS: the osImage has no version.
    /// </summary>
    private string OsVersion(ClusterSpec spec, string controlCycle, DateTimeOffset at) => spec.Os switch
    {
        NodeOs.Ubuntu => Patch("ubuntu", plan.UbuntuCycle, at) ?? plan.UbuntuCycle,
        NodeOs.Bottlerocket => $"1.{(20 + Math.Max(0, MonthsSince(new DateOnly(2024, 5, 1), at)) * 3 / 2).ToString(CultureInfo.InvariantCulture)}.0",
        _ => "",
    };

    /// <summary>
    /// Ubuntu: the cycle's GA kernel with an ABI number rising about three per month (5.15.0-136-generic in May 2025).
    /// Bottlerocket: the latest upstream 6.1 LTS patch. COS: the latest 6.6 LTS patch with COS's "+" build mark.
    /// </summary>
    private string Kernel(ClusterSpec spec, DateTimeOffset at)
    {
        switch (spec.Os)
        {
            case NodeOs.Ubuntu:
                var ga = plan.UbuntuCycle == "24.04" ? "6.8.0" : "5.15.0";
                var released = lookup.Cycle("ubuntu", plan.UbuntuCycle)?.ReleaseDate ?? new DateOnly(2022, 4, 21);
                var abi = 25 + (3 * Math.Max(0, MonthsSince(released, at)));
                return $"{ga}-{abi.ToString(CultureInfo.InvariantCulture)}-generic";
            case NodeOs.Bottlerocket:
                return Patch("linux-kernel", "6.1", at) ?? "6.1.0";
            default:
                return $"{Patch("linux-kernel", "6.6", at) ?? "6.6.0"}+";
        }
    }

    private static int MonthsSince(DateOnly from, DateTimeOffset at) =>
        ((at.UtcDateTime.Year - from.Year) * 12) + at.UtcDateTime.Month - from.Month;
}
