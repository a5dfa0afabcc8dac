using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;

namespace Compliance.Application.Reports;

internal sealed partial class ReportSections
{
    private readonly List<WindowRow> windows = [];
    private readonly List<NoticeRow> notices = [];
    private readonly List<StagingRow> staging = [];
    private readonly List<DrainWindowRow> drainWindows = [];

    /// <summary>Windows starting in the period (as scheduled by as-of), their notice, the drain estimates, and the staging-first checks.</summary>
    private void AddMaintenance(ClusterHistory history, IReadOnlyList<Finding> clusterFindings)
    {
        var asOf = request.AsOf;
        foreach (var w in history.Windows.Where(w => w.Scheduled is { } s && s.At <= asOf && w.StartsAt >= request.PeriodStart && w.StartsAt <= request.PeriodEnd))
        {
            var state = StateOf(w, asOf);
            var retrospective = w.Retrospectives.Where(r => r.At <= asOf).MinBy(r => r.At)?.At;
            var drained = w.Drains.Where(d => d.Drain.At <= asOf).Aggregate(TimeSpan.Zero, (sum, d) => sum + d.Drain.Duration);
            var upgrades = w.Upgrades.Count(u => u.Upgrade.At <= asOf);
            windows.Add(new WindowRow(history.ClusterId, w.WindowId, w.StartsAt, w.EndsAt, state,
                w.ContingencyPlanRecordedAt is { } plan && plan <= asOf, retrospective, upgrades, drained, w.Scheduled!.Evidence));

            var at = w.StartsAt < asOf ? w.StartsAt : asOf;
            var drain = DrainReadiness.Evaluate(history, at);
            drainWindows.Add(new DrainWindowRow(history.ClusterId, w.WindowId, w.StartsAt, drain.Nodes, drain.EstimatedDrainTime, drained));

            var policy = history.PolicyAt(w.StartsAt);
            var major = w.PlannedChanges.Any(c => IsMajor(c.Kind, c.ChangeKind, policy.KubernetesMinorIsMajor))
                || w.Upgrades.Any(u => u.Upgrade.At <= asOf && IsMajor(u.Upgrade.Component.Kind, u.Upgrade.ChangeKind, policy.KubernetesMinorIsMajor));
            if (!major) continue;
            var announced = w.Announcements
                .Where(a => a.At <= asOf && a.ChangeKinds.Any(k => k == ChangeKind.Major || (k == ChangeKind.Minor && policy.KubernetesMinorIsMajor)))
                .MinBy(a => a.At)?.At;
            notices.Add(new NoticeRow(history.ClusterId, w.WindowId, w.StartsAt, announced, announced is { } a ? (w.StartsAt - a).TotalDays : null, policy.NoticeDays));
        }

        AddStagingChecks(history, clusterFindings);
    }

    private static WindowState StateOf(MaintenanceWindowRecord w, DateTimeOffset asOf)
    {
        var started = w.Started is { } s && s.At <= asOf;
        var aborted = w.Aborted is { } a && a.At <= asOf && (w.Completed is null || a.At < w.Completed.At);
        if (aborted) return WindowState.Aborted;
        if (started) return WindowState.Held;
        return w.EndsAt <= asOf ? WindowState.Missed : WindowState.Upcoming;
    }

    private static bool IsMajor(ComponentKind kind, ChangeKind change, bool minorIsMajor) =>
        change == ChangeKind.Major
        || (change == ChangeKind.Minor && minorIsMajor && kind is ComponentKind.ControlPlane or ComponentKind.Kubelet or ComponentKind.KubeProxy);

    /// <summary>Every control-plane change a production cluster with a linked staging cluster took in the period, with the check's result.</summary>
    private void AddStagingChecks(ClusterHistory history, IReadOnlyList<Finding> clusterFindings)
    {
        if (history.Registration is not { Environment: Domain.Events.Environment.Production, StagingClusterId: { } stagingId }) return;
        var asOf = request.AsOf;
        foreach (var change in history.Intervals.Where(i => i.Kind == ComponentKind.ControlPlane && i.Previous is not null && i.Version.IsKnown
                     && i.From >= request.PeriodStart && i.From <= request.PeriodEnd && i.From <= asOf))
        {
            var version = change.Version.Normalized;
            var result = history.EmergencyPatches.Any(e => e.RecordedAt <= asOf && e.Covers(change.Version.Product, change.From))
                ? StagingResult.ExemptEmergency
                : clusterFindings.Any(f => f.Kind == FindingKind.StagingSkipped && f.DetectedAt == change.From && f.Subject == $"control-plane {version}")
                    ? StagingResult.Skipped
                    : StagingResult.Passed;
            staging.Add(new StagingRow(history.ClusterId, stagingId, version, change.From, result, change.Evidence));
        }
    }
}
