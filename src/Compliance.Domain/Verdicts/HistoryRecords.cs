using Compliance.Domain.Deciders;
using Compliance.Domain.Events;
using Compliance.Domain.Policies;

namespace Compliance.Domain.Verdicts;

/// <summary>What the cluster stream says the cluster is.</summary>
public sealed record ClusterRegistration(
    string DisplayName,
    Events.Environment Environment,
    string OwnerTeam,
    Versions.Flavour Flavour,
    string? StagingClusterId,
    DateTimeOffset At,
    EvidenceRef Evidence);

/// <summary>A maintenance policy and the instant it took effect.</summary>
public sealed record PolicyRecord(MaintenancePolicy Policy, DateTimeOffset At, EvidenceRef Evidence);

/// <summary>A timestamped fact of a window (announcement, start, completion, retrospective, ...).</summary>
public sealed record WindowMark(DateTimeOffset At, EvidenceRef Evidence);

public sealed record WindowAnnouncement(string Audience, IReadOnlyList<Versions.ChangeKind> ChangeKinds, DateTimeOffset At, EvidenceRef Evidence);

public sealed record WindowUpgrade(ComponentUpgraded Upgrade, EvidenceRef Evidence);

public sealed record WindowDrain(NodeDrained Drain, EvidenceRef Evidence);

public sealed record WindowEnd(DateTimeOffset At, EvidenceRef Evidence, WindowOutcome? Outcome, bool Aborted, bool ContingencyUsed, string? Reason);

/// <summary>
/// Everything recorded about one maintenance window. A window scheduled again under the same id takes the new times;
/// <see cref="ContingencyPlanRecordedAt"/> is the first schedule fact that carried a plan.
/// </summary>
public sealed class MaintenanceWindowRecord(string windowId)
{
    private readonly List<WindowAnnouncement> announcements = [];
    private readonly List<WindowUpgrade> upgrades = [];
    private readonly List<WindowDrain> drains = [];
    private readonly List<WindowMark> retrospectives = [];

    public string WindowId { get; } = windowId;
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }
    public string? ContingencyPlan { get; private set; }
    public IReadOnlyList<PlannedChange> PlannedChanges { get; private set; } = [];
    /// <summary>The first schedule fact; null when other facts of the window were recorded without one.</summary>
    public WindowMark? Scheduled { get; private set; }
    public DateTimeOffset? ContingencyPlanRecordedAt { get; private set; }
    public WindowMark? Started { get; private set; }
    public WindowEnd? Completed { get; private set; }
    public WindowEnd? Aborted { get; private set; }
    public IReadOnlyList<WindowAnnouncement> Announcements => announcements;
    public IReadOnlyList<WindowUpgrade> Upgrades => upgrades;
    public IReadOnlyList<WindowDrain> Drains => drains;
    public IReadOnlyList<WindowMark> Retrospectives => retrospectives;

    /// <summary>The first end recorded (completion or abort), whichever came first.</summary>
    public WindowEnd? Ended => Completed is null ? Aborted : Aborted is null || Completed.At <= Aborted.At ? Completed : Aborted;

    internal void Schedule(MaintenanceWindowScheduled e, EvidenceRef evidence)
    {
        StartsAt = e.StartsAt;
        EndsAt = e.EndsAt;
        PlannedChanges = e.PlannedChanges;
        Scheduled ??= new WindowMark(e.At, evidence);
        if (!string.IsNullOrWhiteSpace(e.ContingencyPlan))
        {
            ContingencyPlan = e.ContingencyPlan;
            ContingencyPlanRecordedAt ??= e.At;
        }
    }

    internal void Announce(MaintenanceAnnounced e, EvidenceRef evidence) =>
        announcements.Add(new WindowAnnouncement(e.Audience, e.ChangeKinds, e.At, evidence));

    internal void Start(DateTimeOffset at, EvidenceRef evidence) => Started ??= new WindowMark(at, evidence);

    internal void Upgrade(ComponentUpgraded e, EvidenceRef evidence) => upgrades.Add(new WindowUpgrade(e, evidence));

    internal void Drain(NodeDrained e, EvidenceRef evidence) => drains.Add(new WindowDrain(e, evidence));

    internal void Complete(MaintenanceCompleted e, EvidenceRef evidence) =>
        Completed ??= new WindowEnd(e.At, evidence, e.Outcome, Aborted: false, ContingencyUsed: false, e.Notes);

    internal void Abort(MaintenanceAborted e, EvidenceRef evidence) =>
        Aborted ??= new WindowEnd(e.At, evidence, null, Aborted: true, e.ContingencyUsed, e.Reason);

    internal void Retrospective(DateTimeOffset at, EvidenceRef evidence) => retrospectives.Add(new WindowMark(at, evidence));
}

/// <summary>An emergency patch: changes to <see cref="Products"/> within [StartedAt, EndedAt] are recorded changes.</summary>
public sealed record EmergencyPatch(
    string EmergencyId,
    IReadOnlyList<string> CveIds,
    IReadOnlyList<string> Products,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    DateTimeOffset RecordedAt,
    EvidenceRef Evidence)
{
    public bool Covers(string product, DateTimeOffset at) =>
        product.Length > 0 && StartedAt <= at && at <= EndedAt && Products.Contains(product, StringComparer.OrdinalIgnoreCase);
}

/// <summary>One episode of a drain risk, from the fact that found it to the fact that resolved it (a risk found again later is a new episode).</summary>
public sealed record DrainRiskEpisode(
    string RiskId,
    DrainRiskKind Kind,
    string Subject,
    string Detail,
    int? GracePeriodSeconds,
    DateTimeOffset FoundAt,
    EvidenceRef FoundEvidence,
    DateTimeOffset? ResolvedAt = null,
    EvidenceRef? ResolvedEvidence = null)
{
    public bool IsOpenAt(DateTimeOffset asOf) => FoundAt <= asOf && (ResolvedAt is null || ResolvedAt > asOf);
}

/// <summary>A node's labels, allocatable resources and schedulability from <see cref="At"/> until the next snapshot.</summary>
public sealed record NodeSnapshot(
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Allocatable,
    bool Unschedulable,
    DateTimeOffset At,
    EvidenceRef Evidence);

/// <summary>A node: when it was present ([From, To) spans) and how it looked (snapshots, appended only when something changed).</summary>
public sealed class NodeRecord(string name)
{
    private readonly List<(DateTimeOffset From, DateTimeOffset? To)> presence = [];
    private readonly List<NodeSnapshot> snapshots = [];
    private string[]? componentIds;
    private (NodeInfo Info, Versions.Flavour Flavour)? reported;

    public string Name { get; } = name;
    public IReadOnlyList<(DateTimeOffset From, DateTimeOffset? To)> Presence => presence;
    public IReadOnlyList<NodeSnapshot> Snapshots => snapshots;
    public bool IsPresent => presence.Count > 0 && presence[^1].To is null;
    public NodeSnapshot Current => snapshots[^1];

    public bool IsPresentAt(DateTimeOffset at) => presence.Any(p => p.From <= at && (p.To is null || p.To > at));

    /// <summary>The snapshot in force at an instant; null before the node was first seen.</summary>
    public NodeSnapshot? SnapshotAt(DateTimeOffset at) => snapshots.LastOrDefault(s => s.At <= at);

    /// <summary>
    /// Appends a snapshot when something changed. A snapshot that differs only in part shares the unchanged maps with
    /// the previous one: a node cordoned and uncordoned all day keeps one copy of its labels, not one per cordon.
    /// </summary>
    internal void Observe(NodeObserved e, EvidenceRef evidence)
    {
        if (!IsPresent) presence.Add((e.ObservedAt, null));
        if (snapshots.Count == 0)
        {
            snapshots.Add(new NodeSnapshot(e.Labels, e.Allocatable, e.Unschedulable, e.ObservedAt, evidence));
            return;
        }

        var last = snapshots[^1];
        if (NodeComparison.SameStatus(last.Labels, last.Allocatable, last.Unschedulable, e)) return;
        var labels = Rules.SameEntries(last.Labels, e.Labels) ? last.Labels : e.Labels;
        var allocatable = Rules.SameEntries(last.Allocatable, e.Allocatable) ? last.Allocatable : e.Allocatable;
        snapshots.Add(new NodeSnapshot(labels, allocatable, e.Unschedulable, e.ObservedAt, evidence));
    }

    internal void Remove(DateTimeOffset at)
    {
        if (IsPresent) presence[^1] = (presence[^1].From, Max(at, presence[^1].From));
        reported = null;
    }

    /// <summary>The ids of the node's five components (kubelet, kube-proxy, OS image, kernel, runtime), made once.</summary>
    internal string[] ComponentIds => componentIds ??= ClusterHistory.NodeComponentIds(Name);

    /// <summary>Whether the node last reported these five versions (<see cref="NodeComparison.SameVersions"/>) under this flavour, and was not removed since.</summary>
    internal bool ReportedSameVersions(NodeInfo info, Versions.Flavour flavour) =>
        reported is var (last, lastFlavour) && lastFlavour == flavour && NodeComparison.SameVersions(last, info);

    internal void VersionsReported(NodeInfo info, Versions.Flavour flavour) => reported = (info, flavour);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
}

/// <summary>One exception as the ledger recorded it: the request, and the decision once made (the first one stands).</summary>
public sealed class ExceptionRecord(ExceptionRequested request, EvidenceRef requestEvidence)
{
    public ExceptionRequested Request { get; } = request;
    public EvidenceRef RequestEvidence { get; } = requestEvidence;
    public ExceptionApproved? Approval { get; private set; }
    public ExceptionRejected? Rejection { get; private set; }
    public EvidenceRef? DecisionEvidence { get; private set; }

    internal void Approve(ExceptionApproved e, EvidenceRef evidence)
    {
        if (Approval is not null || Rejection is not null) return;
        Approval = e;
        DecisionEvidence = evidence;
    }

    internal void Reject(ExceptionRejected e, EvidenceRef evidence)
    {
        if (Approval is not null || Rejection is not null) return;
        Rejection = e;
        DecisionEvidence = evidence;
    }
}
