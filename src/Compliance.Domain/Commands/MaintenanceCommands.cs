using Compliance.Domain.Events;

namespace Compliance.Domain.Commands;

public abstract record MaintenanceCommand(string ClusterId, string Actor, DateTimeOffset Now) : Command(Actor, Now);

public sealed record ScheduleWindow(
    string ClusterId,
    string WindowId,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string? ContingencyPlan,
    IReadOnlyList<PlannedChange> PlannedChanges,
    string Actor,
    DateTimeOffset Now) : MaintenanceCommand(ClusterId, Actor, Now);

public sealed record AnnounceMaintenance(
    string ClusterId,
    string WindowId,
    string Audience,
    IReadOnlyList<Versions.ChangeKind> ChangeKinds,
    string Actor,
    DateTimeOffset Now) : MaintenanceCommand(ClusterId, Actor, Now);

public sealed record StartMaintenance(string ClusterId, string WindowId, string Actor, DateTimeOffset Now)
    : MaintenanceCommand(ClusterId, Actor, Now);

public sealed record RecordComponentUpgrade(
    string ClusterId,
    string WindowId,
    ComponentRef Component,
    string FromVersion,
    string ToVersion,
    string Actor,
    DateTimeOffset Now) : MaintenanceCommand(ClusterId, Actor, Now);

public sealed record RecordNodeDrained(
    string ClusterId,
    string WindowId,
    string Node,
    TimeSpan Duration,
    IReadOnlyList<DrainProblem> Problems,
    string Actor,
    DateTimeOffset Now) : MaintenanceCommand(ClusterId, Actor, Now);

public sealed record CompleteMaintenance(string ClusterId, string WindowId, WindowOutcome Outcome, string? Notes, string Actor, DateTimeOffset Now)
    : MaintenanceCommand(ClusterId, Actor, Now);

public sealed record AbortMaintenance(string ClusterId, string WindowId, bool ContingencyUsed, string Reason, string Actor, DateTimeOffset Now)
    : MaintenanceCommand(ClusterId, Actor, Now);

public sealed record RecordRetrospective(
    string ClusterId,
    string WindowId,
    IReadOnlyList<string> Findings,
    IReadOnlyList<string> Improvements,
    string Actor,
    DateTimeOffset Now) : MaintenanceCommand(ClusterId, Actor, Now);

public sealed record RecordEmergencyPatch(
    string ClusterId,
    string EmergencyId,
    IReadOnlyList<string> CveIds,
    IReadOnlyList<string> Products,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    string Actor,
    DateTimeOffset Now) : MaintenanceCommand(ClusterId, Actor, Now);
