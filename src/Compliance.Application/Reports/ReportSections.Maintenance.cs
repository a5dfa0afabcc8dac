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
    private void AddMaintenance(ClusterHistory history, IReadOnlyList<Finding> clusterFindings, ActorIndex actors)
    {
        var asOf = request.AsOf;
        foreach (var w in history.Windows.Where(w => w.Scheduled is { } s && s.At <= asOf && w.StartsAt >= request.PeriodStart && w.StartsAt <= request.PeriodEnd))
        {
            var state = WindowOutcomes.Of(history.ClusterId, w, asOf).Result;
            var retrospective = w.Retrospectives.Where(r => r.At <= asOf).MinBy(r => r.At);
            var drained = w.Drains.Where(d => d.Drain.At <= asOf).Aggregate(TimeSpan.Zero, (sum, d) => sum + d.Drain.Duration);
            var upgrades = w.Upgrades.Count(u => u.Upgrade.At <= asOf);
            var end = w.Ended is { } e && e.At <= asOf ? e : null;
            var evidence = new List<Citation> { actors.Cite("scheduled", w.Scheduled!.Evidence) };
            if (w.Started is { } started && started.At <= asOf) evidence.Add(actors.Cite("started", started.Evidence));
            if (end is not null) evidence.Add(actors.Cite(end.Aborted ? "aborted" : "completed", end.Evidence));
            windows.Add(new WindowRow(history.ClusterId, w.WindowId, w.StartsAt, w.EndsAt, state, end?.At, end?.Reason,
                w.ContingencyPlanRecordedAt is { } plan && plan <= asOf, retrospective?.At, w.PlannedChanges.Count, upgrades, drained, evidence));

            if (detail)
            {
                var at = w.StartsAt < asOf ? w.StartsAt : asOf;
                var drain = DrainReadiness.Evaluate(history, at);
                drainWindows.Add(new DrainWindowRow(history.ClusterId, w.WindowId, w.StartsAt, w.EndsAt - w.StartsAt, drain.Nodes, drain.EstimatedDrainTime, drained));
            }

            if (!detail) continue;
            var policy = history.PolicyAt(w.StartsAt);
            var major = w.PlannedChanges.Any(c => IsMajor(c.Kind, c.ChangeKind, policy.KubernetesMinorIsMajor))
                || w.Upgrades.Any(u => u.Upgrade.At <= asOf && IsMajor(u.Upgrade.Component.Kind, u.Upgrade.ChangeKind, policy.KubernetesMinorIsMajor));
            if (!major) continue;
            var announcement = w.Announcements
                .Where(a => a.At <= asOf && a.ChangeKinds.Any(k => k == ChangeKind.Major || (k == ChangeKind.Minor && policy.KubernetesMinorIsMajor)))
                .MinBy(a => a.At);
            var cited = new List<Citation> { actors.Cite("scheduled", w.Scheduled!.Evidence) };
            if (announcement is not null) cited.Add(actors.Cite("announced", announcement.Evidence));
            notices.Add(new NoticeRow(history.ClusterId, w.WindowId, w.StartsAt, announcement?.At,
                announcement is { } a ? (w.StartsAt - a.At).TotalDays : null, policy.NoticeDays, cited));
        }

        if (detail) AddStagingChecks(history, clusterFindings, actors);
    }

    private static bool IsMajor(ComponentKind kind, ChangeKind change, bool minorIsMajor) =>
        change == ChangeKind.Major
        || (change == ChangeKind.Minor && minorIsMajor && kind is ComponentKind.ControlPlane or ComponentKind.Kubelet or ComponentKind.KubeProxy);

    /// <summary>Every control-plane change a production cluster with a linked staging cluster took in the period, with the check's result.</summary>
    private void AddStagingChecks(ClusterHistory history, IReadOnlyList<Finding> clusterFindings, ActorIndex actors)
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
            staging.Add(new StagingRow(history.ClusterId, stagingId, version, change.From, result, actors.Cite("observed", change.Evidence)));
        }
    }
}
