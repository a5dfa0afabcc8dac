using Compliance.Domain.Catalog;
using Compliance.Domain.Policies;
using Compliance.Domain.Versions;

namespace Compliance.Domain.Verdicts;

/// <summary>EOL risk (DOMAIN.md "Verdicts"): how close each running version is to the end of its support.</summary>
public static partial class EolRisk
{
    public const string AmazonEks = "amazon-eks";

    /// <summary>
    /// The risk of one version as of day <paramref name="asOf"/> (whole UTC days: on the EOL date itself the level is
    /// already eol). Extended support counts when <see cref="MaintenancePolicy.ExtendedSupport"/> says so; left unset it
    /// counts only for <c>amazon-eks</c>, where it is automatic. When it counts for a cycle with an eoes date, days in
    /// [eol, eoes) are high with the note "extended support" and eoes is where eol starts. A distribution kernel is judged
    /// by the OS release that maintains it (<see cref="ObservedVersion.MaintainedBy"/>), and the note says so.
    /// </summary>
    public static EolAssessment Assess(ObservedVersion version, ReleaseCatalog catalog, MaintenancePolicy policy, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(policy);
        if (!version.IsKnown)
        {
            // A bare "1.25" parses; what is missing is the product it belongs to, and the note says so.
            return Unknown(version.UnknownReason == Versions.Parsing.Inference.CannotInfer
                ? $"unknown product for '{version.Raw}': {version.UnknownReason}"
                : $"unparsable version '{version.Raw}': {version.UnknownReason}");
        }

        if (version.MaintainedBy is { } maintainer) return AssessMaintained(version, maintainer, catalog, policy, asOf);
        if (catalog.Product(version.Product) is null) return Unknown($"no catalog for product {version.Product}");
        var cycle = catalog.CycleOf(version);
        if (cycle is null) return Unknown($"cycle {version.Cycle} of {version.Product} not in catalog");

        var (level, note, extended) = Judge(cycle, version.Product, policy, asOf);
        var endOfDay = Days.EndOf(asOf);
        var missing = catalog.MissingPatches(version, endOfDay);
        int? oldestAge = missing.Count == 0 ? null : Days.Between(Days.Of(missing.Min(p => p.ReleasedAt)), asOf);
        var latest = catalog.LatestPatch(cycle.Product, cycle.Cycle, endOfDay);
        return Assessment(level, note, cycle, extended, asOf, catalog.PatchesBehind(version, endOfDay), oldestAge, latest?.Version);
    }

    /// <summary>A distribution kernel: the dates of the OS release that maintains it; its patch position is the distribution's, not told here.</summary>
    private static EolAssessment AssessMaintained(ObservedVersion kernel, MaintainedBy maintainer, ReleaseCatalog catalog, MaintenancePolicy policy, DateOnly asOf)
    {
        var title = catalog.Product(maintainer.Product)?.Title ?? maintainer.Product;
        var by = $"kernel {kernel.Raw} is maintained by {title}";
        if (!maintainer.IsKnown) return Unknown($"{by}: {maintainer.UnknownReason}");
        if (catalog.Product(maintainer.Product) is null) return Unknown($"{by} {maintainer.Cycle}: no catalog for product {maintainer.Product}");
        var cycle = catalog.Cycle(maintainer.Product, maintainer.Cycle);
        if (cycle is null) return Unknown($"{by} {maintainer.Cycle}: cycle {maintainer.Cycle} of {maintainer.Product} not in catalog");

        var (level, note, extended) = Judge(cycle, maintainer.Product, policy, asOf);
        var maintained = $"maintained by {title} {maintainer.Cycle} for the life of the cycle";
        return Assessment(level, note is null ? maintained : $"{maintained}; {note}", cycle, extended, asOf, null, null, null);
    }

    private static EolAssessment Assessment(
        EolLevel level, string? note, ReleaseCycle cycle, bool extended, DateOnly asOf, int? behind, int? oldestAge, string? latest) =>
        new(level, note, cycle, SupportEnd.Of(cycle.Eoas, asOf), SupportEnd.Of(cycle.Eol, asOf), extended ? SupportEnd.Of(cycle.Eoes, asOf) : null,
            behind, oldestAge, latest);

    private static EolAssessment Unknown(string note) => new(EolLevel.Unknown, note, null, null, null, null, null, null, null);

    /// <summary>The level of a cycle of <paramref name="product"/>, its note, and whether extended support counted.</summary>
    private static (EolLevel Level, string? Note, bool Extended) Judge(ReleaseCycle cycle, string product, MaintenancePolicy policy, DateOnly asOf)
    {
        var extended = cycle.Eoes is not null && (policy.ExtendedSupport ?? product == AmazonEks);
        var (level, note) = Level(cycle, extended, policy.Eol, asOf);
        return (level, note, extended);
    }

    private static (EolLevel Level, string? Note) Level(ReleaseCycle cycle, bool extended, EolThresholds thresholds, DateOnly asOf)
    {
        if (extended)
        {
            if (Days.Between(asOf, cycle.Eoes!.Value) <= 0) return (EolLevel.Eol, "extended support ended");
            var pastEol = cycle.Eol is { } e ? asOf >= e : cycle.EolReached;
            if (pastEol) return (EolLevel.High, "extended support");
        }

        return Standard(cycle, thresholds, asOf);
    }

    private static (EolLevel Level, string? Note) Standard(ReleaseCycle cycle, EolThresholds thresholds, DateOnly asOf)
    {
        var pastEoas = cycle.Eoas is { } eoas && asOf >= eoas;
        if (cycle.Eol is not { } eol)
        {
            if (cycle.EolReached) return (EolLevel.Eol, "end of life reached (no date announced)");
            return pastEoas ? (EolLevel.Medium, "active support ended; no end of life announced") : (EolLevel.Low, "no end of life announced");
        }
        var left = Days.Between(asOf, eol);
        if (left <= 0) return (EolLevel.Eol, null);
        if (left <= thresholds.HighDays) return (EolLevel.High, null);
        if (left <= thresholds.MediumDays) return (EolLevel.Medium, null);
        return pastEoas ? (EolLevel.Medium, "active support ended") : (EolLevel.Low, null);
    }

    /// <summary>
    /// One verdict per distinct (kind, product, version) among the components running at the end of day
    /// <paramref name="asOf"/>; instances of one version (nodes, add-on containers) are grouped with their count, and a
    /// group of several carries a wildcard id (<c>node/*/kubelet</c>, <c>addon/*/{product}</c>) and no node name.
    /// Order: eol, high, medium, unknown, low (an unknown is worse than a known low); control plane first within a level.
    /// The policy in force at the end of the day applies.
    /// </summary>
    public static IReadOnlyList<EolRiskVerdict> Evaluate(ClusterHistory cluster, ReleaseCatalog catalog, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var endOfDay = Days.EndOf(asOf);
        return Evaluate(cluster.ClusterId, cluster.ComponentsAt(endOfDay), cluster.PolicyAt(endOfDay), catalog, asOf);
    }

    /// <summary>
    /// The same verdicts from the components a cluster ran at the end of day <paramref name="asOf"/> (as the read models
    /// keep them) and the policy in force then.
    /// </summary>
    public static IReadOnlyList<EolRiskVerdict> Evaluate(string clusterId, IEnumerable<ComponentInterval> running, MaintenancePolicy policy, ReleaseCatalog catalog, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(running);
        var verdicts = new List<EolRiskVerdict>();
        var groups = running
            .GroupBy(c => (c.Kind, c.Version.Product, Version: c.Version.IsKnown ? c.Version.Normalized + "|" + c.Version.Build : "?" + c.Version.Raw, c.Version.MaintainedBy));
        foreach (var group in groups)
        {
            var members = group.OrderBy(c => c.ComponentId, StringComparer.Ordinal).ToList();
            var first = members[0];
            var a = Assess(first.Version, catalog, policy, asOf);
            var single = members.Count == 1;
            verdicts.Add(new EolRiskVerdict(
                clusterId,
                single ? first.ComponentId : GroupId(first),
                first.Kind,
                single ? first.Node : "",
                a.Cycle?.Product ?? first.Version.MaintainedBy?.Product ?? first.Version.Product,
                first.Version.Raw,
                first.Version.Normalized,
                a.Cycle?.Cycle ?? first.Version.MaintainedBy?.Cycle ?? first.Version.Cycle,
                a.ActiveSupport,
                a.StandardSupport,
                a.ExtendedSupport,
                a.Level,
                a.Note,
                a.PatchesBehind,
                a.OldestMissingPatchAgeDays,
                a.LatestPatch,
                members.MinBy(m => m.From)!.Evidence,
                members.Count));
        }
        return [.. verdicts
            .OrderBy(v => Severity(v.Level))
            .ThenBy(v => v.Kind)
            .ThenBy(v => v.Product, StringComparer.Ordinal)
            .ThenBy(v => v.Version, StringComparer.Ordinal)
            .ThenBy(v => v.ComponentId, StringComparer.Ordinal)];
    }

    /// <summary>Sort key, most severe first: eol, high, medium, unknown (worse than a known low), low.</summary>
    public static int Severity(EolLevel level) => level switch
    {
        EolLevel.Eol => 0,
        EolLevel.High => 1,
        EolLevel.Medium => 2,
        EolLevel.Unknown => 3,
        _ => 4,
    };

    private static string GroupId(ComponentInterval c) => c.Kind switch
    {
        ComponentKind.ControlPlane => c.ComponentId,
        ComponentKind.AddOn => $"addon/*/{(c.Version.Product.Length > 0 ? c.Version.Product : "unmapped")}",
        _ => ClusterHistory.NodeComponentId("*", c.Kind),
    };
}
