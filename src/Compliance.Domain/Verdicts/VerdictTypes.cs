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

/// <summary>
/// The EOL risk of one running version (or group of instances of it) on a day, with the dates it was judged by, each with
/// its own days left: end of active support, end of standard support and, only where extended support counts, end of
/// extended support (see <see cref="EolAssessment"/>). <see cref="Product"/> and <see cref="Cycle"/> are the release line
/// whose dates these are (for a distribution kernel, the OS release that maintains it). <see cref="Accepted"/> is the
/// exception under which the component's risk is accepted on that day, if any: an accepted risk is shown, never hidden.
/// </summary>
public sealed record EolRiskVerdict(
    string ClusterId,
    string ComponentId,
    ComponentKind Kind,
    string Node,
    string Product,
    string RawVersion,
    string Version,
    string Cycle,
    SupportEnd? ActiveSupport,
    SupportEnd? StandardSupport,
    SupportEnd? ExtendedSupport,
    EolLevel Level,
    string? Note,
    int? PatchesBehind,
    int? OldestMissingPatchAgeDays,
    string? LatestPatch,
    EvidenceRef? Evidence,
    int Instances = 1,
    Acceptance? Accepted = null)
{
    /// <summary>When the level becomes eol: end of extended support where it counts, else end of standard support.</summary>
    public SupportEnd? Deadline() => ExtendedSupport ?? StandardSupport;
}

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
/// or one add-on / OS / runtime product). AppliedAt is null while not applied as of the date asked. The SLA clock runs
/// from <see cref="ClockFrom"/>: the release instant, or the end of the release day when the catalog knows only the day
/// (<see cref="DayOnly"/>); DueAt, Latency and Age count from it.
/// </summary>
public sealed record PatchLatencyVerdict(
    string ClusterId,
    ComponentKind Kind,
    string Product,
    string Cycle,
    string Patch,
    DateTimeOffset ReleasedAt,
    bool DayOnly,
    DateTimeOffset ClockFrom,
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
    /// <summary>A window completed with part of its plan undone.</summary>
    PartialWindow,
    /// <summary>A window aborted (its contingency plan used), or completed as failed.</summary>
    AbortedWindow,
    /// <summary>A production component at eol or high risk.</summary>
    EolComponent,
    /// <summary>A patch not applied by its SLA deadline.</summary>
    PatchOverdue,
    /// <summary>Observations recorded for a cluster nobody registered (no owner, no policy of its own).</summary>
    UnregisteredCluster,
}

/// <summary>
/// A finding: Subject identifies it within its kind and cluster (window id, component, workload) and says what it is
/// about; Detail says what happened. Owner is the cluster's owner team; DueAt, where the finding has one, is when it must
/// be resolved (an EOL component: its end of support; a patch: release + SLA), and past it the open finding is overdue.
/// </summary>
public sealed record Finding(
    string ClusterId,
    FindingKind Kind,
    string Subject,
    string Detail,
    DateTimeOffset DetectedAt,
    DateTimeOffset? ResolvedAt,
    IReadOnlyList<EvidenceRef> Evidence,
    string Owner = "",
    DateTimeOffset? DueAt = null)
{
    public bool IsOpenAt(DateTimeOffset asOf) => DetectedAt <= asOf && (ResolvedAt is null || ResolvedAt > asOf);

    /// <summary>How long the finding has stood as of <paramref name="asOf"/>: to its resolution, or to asOf while open.</summary>
    public TimeSpan AgeAt(DateTimeOffset asOf) => (ResolvedAt is { } r && r <= asOf ? r : asOf) - DetectedAt;

    /// <summary>The due date an open finding is past as of <paramref name="asOf"/> (overdue since then), or null.</summary>
    public DateTimeOffset? OverdueSinceAt(DateTimeOffset asOf) => IsOpenAt(asOf) && DueAt is { } due && due < asOf ? due : null;
}

/// <summary>An item's risk accepted under an exception: who asked and why, who approved, and until when (exclusive: open again on that day).</summary>
public sealed record Acceptance(string ExceptionId, string Reason, string RequestedBy, string ApprovedBy, DateTimeOffset ApprovedAt, DateOnly Until);

/// <summary>Drain readiness of a cluster as of a date: open risks and the estimated time to drain every node once.</summary>
public sealed record DrainReadinessVerdict(
    string ClusterId,
    IReadOnlyList<Finding> OpenRisks,
    int Nodes,
    TimeSpan EstimatedDrainTime,
    string EstimateFormula);
