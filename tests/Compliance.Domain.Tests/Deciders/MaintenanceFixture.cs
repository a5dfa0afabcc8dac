using Compliance.Domain.Commands;
using Compliance.Domain.Events;
using Compliance.Domain.Versions;

namespace Compliance.Domain.Tests.Deciders;

/// <summary>A window w1 on prod-eu-1 from 02:00 to 06:00 on 2026-09-08, scheduled a week ahead.</summary>
internal static class MaintenanceFixture
{
    public const string Cluster = "prod-eu-1";
    public const string Window = "w1";
    public const string Actor = "alice";

    public static readonly DateTimeOffset ScheduledOn = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Start = new(2026, 9, 8, 2, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset End = Start.AddHours(4);
    public static readonly DateTimeOffset During = Start.AddMinutes(30);

    public static readonly IReadOnlyList<PlannedChange> Changes =
        [new PlannedChange(ComponentKind.ControlPlane, "kubernetes", "1.30.4", ChangeKind.Minor)];

    public static ScheduleWindow Schedule(
        DateTimeOffset? startsAt = null,
        DateTimeOffset? endsAt = null,
        string windowId = Window,
        string? contingency = "roll back node pools",
        DateTimeOffset? now = null) =>
        new(Cluster, windowId, startsAt ?? Start, endsAt ?? End, contingency, [.. Changes], Actor, now ?? ScheduledOn);

    public static MaintenanceWindowScheduled Scheduled(string windowId = Window, DateTimeOffset? startsAt = null, DateTimeOffset? endsAt = null) =>
        new(Cluster, windowId, startsAt ?? Start, endsAt ?? End, "roll back node pools", [.. Changes], ScheduledOn);

    public static MaintenanceStarted Started(DateTimeOffset? at = null) => new(Cluster, Window, at ?? Start);

    public static MaintenanceCompleted Completed(WindowOutcome outcome = WindowOutcome.Succeeded) =>
        new(Cluster, Window, outcome, null, End.AddMinutes(-30));

    public static MaintenanceAborted Aborted(string reason = "etcd backup failed") => new(Cluster, Window, true, reason, During);

    public static readonly ComponentRef Kubelet = new(ComponentKind.Kubelet, "kubernetes", "node-a");
}
