using Compliance.Domain.Policies;
using Compliance.Domain.Versions;

namespace Compliance.Domain.Verdicts;

/// <summary>
/// Process checks (DOMAIN.md "Process checks") as of an instant: only facts at or before <c>asOf</c> count, nothing is
/// detected after it, and a window is never missed before its end. The policy in force at <c>asOf</c> applies.
/// </summary>
public static partial class ProcessChecks
{
    public static IReadOnlyList<Finding> Evaluate(ClusterHistory cluster, ClusterHistory? linkedStaging, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var policy = cluster.PolicyAt(asOf);
        var windows = cluster.Windows.Where(w => w.Scheduled is not null && w.Scheduled.At <= asOf).ToList();
        // every window below has a schedule fact
        var findings = new List<Finding>();
        findings.AddRange(MissedWindows(cluster.ClusterId, windows, asOf));
        findings.AddRange(CadenceGaps(cluster, policy, asOf));
        findings.AddRange(UnrecordedChanges(cluster, asOf));
        findings.AddRange(ShortNotices(cluster.ClusterId, windows, policy, asOf));
        findings.AddRange(StagingSkipped(cluster, linkedStaging, policy, asOf));
        findings.AddRange(MissingContingencyPlans(cluster.ClusterId, windows, asOf));
        findings.AddRange(MissingRetrospectives(cluster.ClusterId, windows, policy, asOf));
        findings.AddRange(WindowOutcomeFindings(cluster, asOf));
        findings.AddRange(RiskFindings.Unregistered(cluster, asOf));
        return [.. findings.OrderBy(f => f.DetectedAt).ThenBy(f => f.Kind).ThenBy(f => f.Subject, StringComparer.Ordinal)];
    }

    /// <summary>A window scheduled and neither started nor aborted by its end; detected at its end.</summary>
    private static IEnumerable<Finding> MissedWindows(string clusterId, List<MaintenanceWindowRecord> windows, DateTimeOffset asOf)
    {
        foreach (var w in windows)
        {
            if (w.EndsAt > asOf) continue;
            var started = w.Started is { } s && s.At <= w.EndsAt;
            var aborted = w.Aborted is { } a && a.At <= w.EndsAt;
            if (started || aborted) continue;
            var detected = w.EndsAt >= w.Scheduled!.At ? w.EndsAt : w.Scheduled!.At;
            yield return new Finding(clusterId, FindingKind.MissedWindow, w.WindowId,
                $"window {w.WindowId} ({Words.Instant(w.StartsAt)} to {Words.Instant(w.EndsAt)}) was scheduled and not started by its end", detected, null, [w.Scheduled!.Evidence]);
        }
    }

    /// <summary>
    /// No held window (one whose start is recorded, whatever its outcome) for more than the cadence: between
    /// registration and the first held window, between consecutive ones, and from the last one to asOf. Detected when
    /// the cadence ran out, resolved by the next start.
    /// </summary>
    private static IEnumerable<Finding> CadenceGaps(ClusterHistory cluster, MaintenancePolicy policy, DateTimeOffset asOf)
    {
        var points = new List<(DateTimeOffset At, string Label, EvidenceRef? Evidence)>();
        if (cluster.Registration is { } r) points.Add((r.At, "registration", r.Evidence));
        else if (cluster.FirstFactAt is { } first) points.Add((first, "first record", null));
        points.AddRange(cluster.Windows
            .Where(w => w.Started is not null && w.Started.At <= asOf)
            .Select(w => (w.Started!.At, $"window {w.WindowId}", (EvidenceRef?)w.Started.Evidence)));
        points = [.. points.Where(p => p.At <= asOf).OrderBy(p => p.At)];
        var cadence = TimeSpan.FromDays(policy.WindowCadenceDays);
        for (var i = 0; i < points.Count; i++)
        {
            var from = points[i];
            var next = i + 1 < points.Count ? points[i + 1] : ((DateTimeOffset At, string Label, EvidenceRef? Evidence)?)null;
            var until = next?.At ?? asOf;
            if (until - from.At <= cadence) continue;
            var evidence = new[] { from.Evidence, next?.Evidence }.OfType<EvidenceRef>().ToList();
            var detail = next is { } n
                ? $"no window held for {(until - from.At).TotalDays:0.#} days between {from.Label} and {n.Label} (cadence {policy.WindowCadenceDays} days)"
                : $"no window held since {from.Label} ({(until - from.At).TotalDays:0.#} days, cadence {policy.WindowCadenceDays} days)";
            yield return new Finding(cluster.ClusterId, FindingKind.WindowCadenceGap, $"after {from.Label}", detail, from.At + cadence, next?.At, evidence);
        }
    }

    /// <summary>
    /// A window with a major change (planned, or a recorded upgrade) not announced at least NoticeDays before it starts.
    /// An announcement counts when it lists a major change (or a minor one where the policy makes Kubernetes minors
    /// major). Detected when the notice deadline passed unannounced, or when the major change became known if later; a
    /// window aborted without starting before then is not judged.
    /// </summary>
    private static IEnumerable<Finding> ShortNotices(string clusterId, List<MaintenanceWindowRecord> windows, MaintenancePolicy policy, DateTimeOffset asOf)
    {
        foreach (var w in windows)
        {
            var known = new List<DateTimeOffset>();
            if (w.PlannedChanges.Any(c => IsMajor(c.Kind, c.ChangeKind, policy))) known.Add(w.Scheduled!.At);
            known.AddRange(w.Upgrades.Where(u => u.Upgrade.At <= asOf && IsMajor(u.Upgrade.Component.Kind, u.Upgrade.ChangeKind, policy)).Select(u => u.Upgrade.At));
            if (known.Count == 0) continue;
            var deadline = w.StartsAt - TimeSpan.FromDays(policy.NoticeDays);
            var announcement = w.Announcements
                .Where(a => a.At <= asOf && a.ChangeKinds.Any(k => k == ChangeKind.Major || (k == ChangeKind.Minor && policy.KubernetesMinorIsMajor)))
                .MinBy(a => a.At);
            if (announcement is not null && announcement.At <= deadline) continue;
            var detected = known.Min() > deadline ? known.Min() : deadline;
            if (detected > asOf) continue;
            if (w.Started is null && w.Aborted is { } aborted && aborted.At <= detected) continue;
            var startedAt = w.Started?.At ?? w.StartsAt;
            var detail = announcement is not null && announcement.At <= startedAt
                ? $"major change announced {(w.StartsAt - announcement.At).TotalDays:0.#} days before window {w.WindowId} starts (notice {policy.NoticeDays} days)"
                : $"major change in window {w.WindowId} not announced before it started (notice {policy.NoticeDays} days)";
            var evidence = new List<EvidenceRef> { w.Scheduled!.Evidence };
            if (announcement is not null) evidence.Add(announcement.Evidence);
            yield return new Finding(clusterId, FindingKind.ShortNotice, w.WindowId, detail, detected, null, evidence);
        }
    }

    /// <summary>Major for the application team: a major change, or a Kubernetes minor when the policy says so (the default).</summary>
    internal static bool IsMajor(ComponentKind kind, ChangeKind change, MaintenancePolicy policy) =>
        change == ChangeKind.Major
        || (change == ChangeKind.Minor && policy.KubernetesMinorIsMajor && kind is ComponentKind.ControlPlane or ComponentKind.Kubelet or ComponentKind.KubeProxy);

    /// <summary>A window first scheduled without a contingency plan; detected when scheduled, resolved when scheduled again with one.</summary>
    private static IEnumerable<Finding> MissingContingencyPlans(string clusterId, List<MaintenanceWindowRecord> windows, DateTimeOffset asOf)
    {
        foreach (var w in windows)
        {
            if (w.ContingencyPlanRecordedAt is { } recorded && recorded <= w.Scheduled!.At) continue;
            var resolved = w.ContingencyPlanRecordedAt is { } r && r <= asOf ? r : (DateTimeOffset?)null;
            yield return new Finding(clusterId, FindingKind.MissingContingencyPlan, w.WindowId,
                $"window {w.WindowId} scheduled without a contingency plan", w.Scheduled!.At, resolved, [w.Scheduled!.Evidence]);
        }
    }

    /// <summary>A window completed or aborted with no retrospective within RetrospectiveDays; detected at end + days, resolved by a later one.</summary>
    private static IEnumerable<Finding> MissingRetrospectives(string clusterId, List<MaintenanceWindowRecord> windows, MaintenancePolicy policy, DateTimeOffset asOf)
    {
        foreach (var w in windows)
        {
            if (w.Ended is not { } end || end.At > asOf) continue;
            var deadline = end.At + TimeSpan.FromDays(policy.RetrospectiveDays);
            var first = w.Retrospectives.Where(r => r.At <= asOf).MinBy(r => r.At);
            if (first is not null && first.At <= deadline) continue;
            if (deadline > asOf) continue;
            yield return new Finding(clusterId, FindingKind.MissingRetrospective, w.WindowId,
                $"no retrospective within {policy.RetrospectiveDays} days after window {w.WindowId} {(end.Aborted ? "was aborted" : "completed")}",
                deadline, first?.At, first is null ? [end.Evidence] : [end.Evidence, first.Evidence]);
        }
    }

    /// <summary>
    /// A window completed with part of its plan undone (partial) or aborted (called off, its contingency plan used, or
    /// completed as failed): a finding of its own with the reason the ledger records, found when it ended and resolved
    /// when a later window of the cluster was held as planned.
    /// </summary>
    private static IEnumerable<Finding> WindowOutcomeFindings(ClusterHistory cluster, DateTimeOffset asOf)
    {
        var verdicts = WindowOutcomes.Evaluate(cluster, asOf);
        foreach (var v in verdicts.Where(v => v.Result is WindowResult.Partial or WindowResult.Aborted))
        {
            var resolved = verdicts.Where(n => n.Result == WindowResult.Held && n.StartsAt > v.StartsAt && n.EndedAt <= asOf).MinBy(n => n.EndedAt);
            var window = $"window {v.WindowId} ({Words.Instant(v.StartsAt)} to {Words.Instant(v.EndsAt)})";
            var (kind, detail) = v.Result == WindowResult.Partial
                ? (FindingKind.PartialWindow, $"{window} was completed with part of its plan undone: {v.Reason}")
                : (FindingKind.AbortedWindow, $"{window} was aborted ({v.Reason})");
            var evidence = new List<EvidenceRef> { v.Scheduled };
            if (v.Outcome is { } outcome) evidence.Add(outcome);
            if (resolved?.Outcome is { } next) evidence.Add(next);
            yield return new Finding(cluster.ClusterId, kind, v.WindowId, detail, v.EndedAt!.Value, resolved?.EndedAt, evidence);
        }
    }
}
