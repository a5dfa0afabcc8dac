using Compliance.Domain.Catalog;

namespace Compliance.Application.Demo;

/// <summary>
/// The scenario choices that depend on the catalog and on today, computed so each scenario holds for any reasonable
/// today (not only the day the demo was written):
/// <list type="bullet">
/// <item><see cref="EolCycle"/>: the newest Kubernetes cycle whose EOL is before today; billing-prod's control plane is
/// held on it (fallback: the oldest cycle, which is past EOL for any today after 2015).</item>
/// <item><see cref="HighEksCycle"/>: the newest amazon-eks cycle whose EOL falls in (today, today + 30 days]; failing that,
/// the newest one in extended support today (EKS extended support is on by default, and a cycle in it is high risk).
/// shop-prod is held on it. Null when the catalog has neither: the high-risk scenario is then missing.</item>
/// <item><see cref="UbuntuCycle"/>: the newest Ubuntu LTS cycle whose risk today is medium (standard support over but EOL
/// more than 30 days away, or EOL within 90 days); fallback 22.04.</item>
/// </list>
/// </summary>
internal sealed record ScenarioPlan(
    DateTimeOffset Start,
    DateTimeOffset End,
    DateOnly Today,
    ReleaseCycle EolCycle,
    ReleaseCycle? HighEksCycle,
    string UbuntuCycle)
{
    /// <summary>payments-staging postpones its first control-plane minor upgrade held after this instant by one month.</summary>
    public DateTimeOffset PostponeMinorAfter => Start.AddMonths(6);

    /// <summary>Index (among its windows) of the window data-prod schedules and never holds.</summary>
    public const int MissedWindowIndex = 8;

    /// <summary>Index of the window data-staging schedules without a contingency plan.</summary>
    public const int NoContingencyIndex = 3;

    /// <summary>Index of the window web-staging never writes a retrospective for.</summary>
    public const int NoRetrospectiveIndex = 4;

    /// <summary>The cycle a production cluster's control plane may not go beyond, or null.</summary>
    public string? ControlPlaneCap(ClusterSpec spec) => spec.Id switch
    {
        "billing-prod" => EolCycle.Cycle,
        "shop-prod" => HighEksCycle?.Cycle,
        _ => null,
    };

    public static ScenarioPlan Compute(CatalogLookup lookup, DateOnly today, DateTimeOffset start, DateTimeOffset end)
    {
        var kubernetes = lookup.Cycles("kubernetes");
        var eol = kubernetes.LastOrDefault(c => c.Eol is { } d && d < today) ?? kubernetes[0];

        var eks = lookup.Cycles("amazon-eks");
        var high = eks.LastOrDefault(c => c.Eol is { } d && d > today && d.DayNumber - today.DayNumber <= 30)
            ?? eks.LastOrDefault(c => c.Eol is { } d && d <= today && c.Eoes is { } x && today < x);

        var ubuntu = lookup.Cycles("ubuntu")
            .Where(c => IsLts(c.Cycle) && c.ReleaseDate is { } r && CatalogLookup.Start(r) <= start)
            .LastOrDefault(c => IsMedium(c, today))?.Cycle ?? "22.04";
        return new ScenarioPlan(start, end, today, eol, high, ubuntu);
    }

    private static bool IsLts(string cycle) =>
        cycle.Length == 5 && cycle.EndsWith(".04", StringComparison.Ordinal) && int.TryParse(cycle[..2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) && year % 2 == 0;

    private static bool IsMedium(ReleaseCycle cycle, DateOnly today)
    {
        if (cycle.Eol is not { } eol || eol <= today) return false;
        var left = eol.DayNumber - today.DayNumber;
        if (left <= 30) return false;
        return left <= 90 || (cycle.Eoas is { } eoas && today >= eoas);
    }
}
