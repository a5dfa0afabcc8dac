using Compliance.Domain.Versions;

namespace Compliance.Domain.Verdicts;

/// <summary>EOL risk levels, ordered from least to most severe; Unknown sorts apart (never "low" by accident).</summary>
public enum EolLevel
{
    Unknown,
    Low,
    Medium,
    High,
    Eol,
}

/// <summary>
/// One component of a cluster and the version it ran over [From, To). ComponentId is stable:
/// <c>control-plane</c>, <c>node/{node}/kubelet</c>, <c>node/{node}/kube-proxy</c>, <c>node/{node}/os</c>,
/// <c>node/{node}/kernel</c>, <c>node/{node}/runtime</c>, <c>addon/{namespace}/{workload}/{container}</c>.
/// <paramref name="Previous"/> is the version this interval replaced when it directly followed another interval of the
/// same component (a version change); null for a first observation (or a node or add-on that came back after removal).
/// </summary>
public sealed record ComponentInterval(
    string ComponentId,
    ComponentKind Kind,
    string Node,
    ObservedVersion Version,
    DateTimeOffset From,
    DateTimeOffset? To,
    EvidenceRef Evidence,
    ObservedVersion? Previous = null);

public sealed record EolRiskVerdict(
    string ClusterId,
    string ComponentId,
    ComponentKind Kind,
    string Node,
    string Product,
    string RawVersion,
    string Version,
    string Cycle,
    DateOnly? Eoas,
    DateOnly? Eol,
    DateOnly? Eoes,
    int? DaysLeft,
    EolLevel Level,
    string? Note,
    int? PatchesBehind,
    int? OldestMissingPatchAgeDays,
    string? LatestPatch,
    EvidenceRef? Evidence,
    int Instances = 1);

public enum SlaStatus
{
    /// <summary>Applied within the SLA.</summary>
    Met,
    /// <summary>Applied after the SLA, or still not applied past it.</summary>
    Breached,
    /// <summary>Not applied yet, still within the SLA.</summary>
    Open,
}

/// <summary>
/// One patch p of a cycle against one cluster component group (control plane, kubelets: the last node counts,
/// or one add-on / OS / runtime product). AppliedAt is null while not applied as of the date asked.
/// </summary>
public sealed record PatchLatencyVerdict(
    string ClusterId,
    ComponentKind Kind,
    string Product,
    string Cycle,
    string Patch,
    DateTimeOffset ReleasedAt,
    bool Critical,
    DateTimeOffset DueAt,
    DateTimeOffset? AppliedAt,
    TimeSpan? Latency,
    TimeSpan Age,
    SlaStatus Status,
    EvidenceRef? Evidence);

public enum FindingKind
{
    MissedWindow,
    WindowCadenceGap,
    UnrecordedChange,
    ShortNotice,
    StagingSkipped,
    MissingContingencyPlan,
    MissingRetrospective,
    SingleReplica,
    ReplicasOnOneNode,
    NoSpreadOrAntiAffinity,
    LongGracePeriod,
    PdbAllowsNoDisruption,
    InsufficientSpareCapacity,
}

/// <summary>A process or drain-readiness finding; Subject identifies it within its kind (window id, component, workload).</summary>
public sealed record Finding(
    string ClusterId,
    FindingKind Kind,
    string Subject,
    string Detail,
    DateTimeOffset DetectedAt,
    DateTimeOffset? ResolvedAt,
    IReadOnlyList<EvidenceRef> Evidence)
{
    public bool IsOpenAt(DateTimeOffset asOf) => DetectedAt <= asOf && (ResolvedAt is null || ResolvedAt > asOf);
}

/// <summary>Drain readiness of a cluster as of a date: open risks and the estimated time to drain every node once.</summary>
public sealed record DrainReadinessVerdict(
    string ClusterId,
    IReadOnlyList<Finding> OpenRisks,
    int Nodes,
    TimeSpan EstimatedDrainTime,
    string EstimateFormula);
