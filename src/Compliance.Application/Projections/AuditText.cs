using System.Globalization;
using Compliance.Domain.Deciders;
using Compliance.Domain.Events;

namespace Compliance.Application.Projections;

/// <summary>Says what an event means in one plain sentence, for the per-cluster audit log an auditor reads.</summary>
public static class AuditText
{
    public static string Describe(DomainEvent e) => e switch
    {
        ClusterRegistered r => $"Cluster '{r.DisplayName}' registered as {r.Environment.ToString().ToLowerInvariant()} ({r.Flavour}), owned by {r.OwnerTeam}"
            + (r.StagingClusterId is null ? "." : $", staged through {r.StagingClusterId}."),
        MaintenancePolicySet p => $"Maintenance policy set: windows '{p.Policy.Schedule.Cron}' for {Hours(p.Policy.Schedule.Duration)} in {p.Policy.Schedule.TimeZone}, "
            + $"critical patches within {Hours(p.Policy.Sla.Critical)}, others within {Days(p.Policy.Sla.Other)}, {p.Policy.NoticeDays} days notice, {p.Policy.StagingSoakDays} days staging soak.",
        MaintenanceWindowScheduled w => $"Window {w.WindowId} scheduled for {Instant(w.StartsAt)} to {Instant(w.EndsAt)}"
            + (w.PlannedChanges.Count == 0 ? "" : $" with {w.PlannedChanges.Count} planned change(s): {string.Join(", ", w.PlannedChanges.Select(c => $"{c.Product} to {c.ToVersion} ({c.ChangeKind.ToString().ToLowerInvariant()})"))}")
            + (string.IsNullOrWhiteSpace(w.ContingencyPlan) ? "; no contingency plan." : $"; contingency: {w.ContingencyPlan}"),
        MaintenanceAnnounced a => $"Window {a.WindowId} announced to {a.Audience} ({string.Join(", ", a.ChangeKinds.Select(k => k.ToString().ToLowerInvariant()))} changes).",
        MaintenanceStarted s => $"Window {s.WindowId} started.",
        ComponentUpgraded u => $"In window {u.WindowId}, {Component(u.Component)} upgraded from {u.FromVersion} to {u.ToVersion} ({u.ChangeKind.ToString().ToLowerInvariant()}).",
        NodeDrained d => $"In window {d.WindowId}, node {d.Node} drained in {d.Duration.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture)} min"
            + (d.Problems.Count == 0 ? "." : $" with problems: {string.Join(", ", d.Problems)}."),
        MaintenanceCompleted c => $"Window {c.WindowId} completed: {c.Outcome}." + (string.IsNullOrWhiteSpace(c.Notes) ? "" : $" {c.Notes}"),
        MaintenanceAborted a => $"Window {a.WindowId} aborted ({(a.ContingencyUsed ? "contingency plan used" : "contingency plan not used")}): {a.Reason}",
        RetrospectiveRecorded r => $"Retrospective for window {r.WindowId}: {r.Findings.Count} finding(s), {r.Improvements.Count} improvement(s).",
        EmergencyPatchRecorded m => $"Emergency patch {m.EmergencyId} for {string.Join(", ", m.CveIds)} on {string.Join(", ", m.Products)} from {Instant(m.StartedAt)} to {Instant(m.EndedAt)}.",
        ControlPlaneVersionObserved c => $"Control plane observed at {c.GitVersion}.",
        NodeObserved n => $"Node {n.Node} observed: kubelet {n.Info.KubeletVersion}, {n.Info.OsImage}, kernel {n.Info.KernelVersion}, {n.Info.ContainerRuntimeVersion}"
            + (n.Unschedulable ? ", cordoned." : "."),
        NodeRemoved n => $"Node {n.Node} removed.",
        AddOnVersionObserved a => $"Add-on {a.Namespace}/{a.Workload} container {a.Container} observed at {a.Image}.",
        AddOnRemoved a => $"Add-on {a.Namespace}/{a.Workload} container {a.Container} removed.",
        DrainRiskFound d => $"Drain risk found ({d.Kind}) on {d.Subject}: {d.Detail}",
        DrainRiskResolved d => $"Drain risk {d.RiskId} resolved.",
        ExceptionRequested x => $"Exception {x.ExceptionId} requested by {x.RequestedBy} until {x.ExpiresOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} for {ExceptionDecider.Describe(x)}: {x.Reason}",
        ExceptionApproved x => $"Exception {x.ExceptionId} approved by {x.ApprovedBy}.",
        ExceptionRejected x => $"Exception {x.ExceptionId} rejected by {x.RejectedBy}: {x.Reason}",
        ReleaseCycleRecorded c => $"{c.Product} cycle {c.Cycle} recorded (eol {c.Eol?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "not announced"}).",
        PatchReleased p => $"{p.Product} {p.Version} released {Instant(p.ReleasedAt)}.",
        VulnerabilityPublished v => $"{v.CveId} ({v.Severity}) published for {v.Product}, fixed in {string.Join(", ", v.FixedIn)}.",
        _ => e.GetType().Name,
    };

    private static string Instant(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Hours(TimeSpan t) => $"{t.TotalHours.ToString("0.#", CultureInfo.InvariantCulture)} h";

    private static string Days(TimeSpan t) => $"{t.TotalDays.ToString("0.#", CultureInfo.InvariantCulture)} days";

    private static string Component(ComponentRef c) =>
        (c.Kind.ToString().ToLowerInvariant(), c.Product, c.Node) switch
        {
            (var kind, var product, "") => $"{kind} {product}",
            (var kind, var product, var node) => $"{kind} {product} on {node}",
        };
}
