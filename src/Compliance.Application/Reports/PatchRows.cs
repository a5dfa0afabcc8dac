using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;

namespace Compliance.Application.Reports;

/// <summary>What a patch row patches, for the counts per cluster and kind.</summary>
public enum PatchArea
{
    Kubernetes,
    Os,
    Kernel,
    Runtime,
    AddOn,
}

/// <summary>
/// One patch on one cluster: its component groups that ran an older version of the cycle (control plane, kubelets,
/// kube-proxies, ...) taken together. Applied when the last of them got there; the status is the worst of theirs.
/// <see cref="Release"/> cites the catalog fact that released it (the ledger event, or the shipped snapshot's source);
/// <see cref="Applied"/> the observation that applied it. <see cref="CarriedOver"/>: released before the period and
/// still not applied at its start.
/// </summary>
public sealed record PatchRow(
    string Product, string Cycle, string Version, DateTimeOffset ReleasedAt, bool Critical, string ClusterId, string Environment, string Owner,
    string Component, PatchArea Area, DateTimeOffset DueAt, DateTimeOffset? AppliedAt, TimeSpan? Latency, TimeSpan Age, SlaStatus Status,
    bool CarriedOver, Citation Release, Citation? Applied)
{
    /// <summary>Due when its due date passed by as-of, or applied (the same rule as <see cref="PatchLatency.Compliance"/>).</summary>
    public bool IsDueBy(DateTimeOffset asOf) => DueAt <= asOf || AppliedAt is not null;

    /// <summary>Past its SLA and still not applied: an open finding.</summary>
    public bool OpenPastSla => AppliedAt is null && Status == SlaStatus.Breached;

    public IEnumerable<Citation> Evidence => Applied is null ? [Release] : [Release, Applied];

    internal static PatchRow Of(string environment, string owner, IReadOnlyList<PatchLatencyVerdict> verdicts, Citation release, ActorIndex actors, DateTimeOffset periodStart)
    {
        var first = verdicts[0];
        var applied = verdicts.All(v => v.AppliedAt is not null) ? verdicts.Max(v => v.AppliedAt) : null;
        var last = verdicts.Where(v => v.AppliedAt is not null).MaxBy(v => v.AppliedAt);
        var clock = verdicts.Min(v => v.ClockFrom); // the SLA clock: the end of the release day when only the day is known
        var status = verdicts.Any(v => v.Status == SlaStatus.Breached) ? SlaStatus.Breached
            : verdicts.Any(v => v.Status == SlaStatus.Open) ? SlaStatus.Open
            : SlaStatus.Met;
        var kinds = verdicts.Select(v => v.Kind).Distinct().Order().ToList();
        return new PatchRow(first.Product, first.Cycle, first.Patch, first.ReleasedAt, verdicts.Any(v => v.Critical), first.ClusterId, environment, owner,
            string.Join(", ", kinds.Select(ComponentNames.Of)).Replace("kubelet, kube-proxy", "kubelet/proxy", StringComparison.Ordinal), AreaOf(kinds[0]),
            verdicts.Min(v => v.DueAt), applied, applied is { } a ? (a > clock ? a - clock : TimeSpan.Zero) : null, verdicts.Max(v => v.Age), status,
            first.ReleasedAt < periodStart, release,
            applied is not null && last?.Evidence is { } evidence ? actors.Cite("applied", evidence) : null);
    }

    private static PatchArea AreaOf(ComponentKind kind) => kind switch
    {
        ComponentKind.ControlPlane or ComponentKind.Kubelet or ComponentKind.KubeProxy => PatchArea.Kubernetes,
        ComponentKind.OsImage => PatchArea.Os,
        ComponentKind.Kernel => PatchArea.Kernel,
        ComponentKind.ContainerRuntime => PatchArea.Runtime,
        ComponentKind.AddOn => PatchArea.AddOn,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
