using Compliance.Domain.Versions;

namespace Compliance.Domain.Events;

/// <summary>Facts of stream <c>maintenance-{clusterId}</c>: windows and what happened in them.</summary>
public abstract record MaintenanceEvent(string ClusterId) : DomainEvent;

/// <summary>A change planned for a window: a component (kind plus product, node-wide unless a node is named) to a version.</summary>
public sealed record PlannedChange(ComponentKind Kind, string Product, string ToVersion, ChangeKind ChangeKind);

/// <summary>A component as the ledger names it: kind, product, and for node components the node (empty for all nodes).</summary>
public sealed record ComponentRef(ComponentKind Kind, string Product, string Node = "");

public enum WindowOutcome
{
    Succeeded,
    PartiallySucceeded,
    Failed,
}

public enum DrainProblem
{
    PdbBlocked,
    GracePeriodExceeded,
    EvictionFailed,
    InsufficientCapacity,
    SingleReplicaDowntime,
}

public sealed record MaintenanceWindowScheduled(
    string ClusterId,
    string WindowId,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string? ContingencyPlan,
    IReadOnlyList<PlannedChange> PlannedChanges,
    DateTimeOffset At) : MaintenanceEvent(ClusterId);

public sealed record MaintenanceAnnounced(
    string ClusterId,
    string WindowId,
    string Audience,
    IReadOnlyList<ChangeKind> ChangeKinds,
    DateTimeOffset At) : MaintenanceEvent(ClusterId);

public sealed record MaintenanceStarted(string ClusterId, string WindowId, DateTimeOffset At) : MaintenanceEvent(ClusterId);

public sealed record ComponentUpgraded(
    string ClusterId,
    string WindowId,
    ComponentRef Component,
    string FromVersion,
    string ToVersion,
    ChangeKind ChangeKind,
    DateTimeOffset At) : MaintenanceEvent(ClusterId);

public sealed record NodeDrained(
    string ClusterId,
    string WindowId,
    string Node,
    TimeSpan Duration,
    IReadOnlyList<DrainProblem> Problems,
    DateTimeOffset At) : MaintenanceEvent(ClusterId);

public sealed record MaintenanceCompleted(string ClusterId, string WindowId, WindowOutcome Outcome, string? Notes, DateTimeOffset At)
    : MaintenanceEvent(ClusterId);

public sealed record MaintenanceAborted(string ClusterId, string WindowId, bool ContingencyUsed, string Reason, DateTimeOffset At)
    : MaintenanceEvent(ClusterId);

public sealed record RetrospectiveRecorded(
    string ClusterId,
    string WindowId,
    IReadOnlyList<string> Findings,
    IReadOnlyList<string> Improvements,
    DateTimeOffset At) : MaintenanceEvent(ClusterId);

/// <summary>An out-of-band patch for CVEs: changes to the named products between StartedAt and EndedAt are not unrecorded.</summary>
public sealed record EmergencyPatchRecorded(
    string ClusterId,
    string EmergencyId,
    IReadOnlyList<string> CveIds,
    IReadOnlyList<string> Products,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    DateTimeOffset At) : MaintenanceEvent(ClusterId);
