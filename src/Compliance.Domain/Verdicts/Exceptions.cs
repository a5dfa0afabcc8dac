using Compliance.Domain.Deciders;
using Compliance.Domain.Events;
using Compliance.Domain.Versions;

namespace Compliance.Domain.Verdicts;

/// <summary>Where an exception stands on a day.</summary>
public enum ExceptionStatus
{
    /// <summary>Requested, not decided yet.</summary>
    Requested,
    Rejected,
    /// <summary>Approved and in force: the item shows as accepted.</summary>
    Accepted,
    /// <summary>Its expiry day has come: the item is open again.</summary>
    Expired,
    /// <summary>Its subject changed (another version or cycle, or the finding raised again from new evidence): the item is open again.</summary>
    Lapsed,
}

/// <summary>
/// One exception as it stood at <see cref="Exceptions.Evaluate"/>'s instant: the request, the decision (null while
/// undecided), and <see cref="LapsedAt"/>, the first instant its subject changed, with what changed. Ask
/// <see cref="Exceptions.At"/> for an earlier instant: what was decided or changed later drops out.
/// </summary>
public sealed record ExceptionVerdict(
    string ClusterId,
    string ExceptionId,
    string Subject,
    AcceptedFinding? Finding,
    AcceptedComponent? Component,
    string Reason,
    DateOnly ExpiresOn,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    bool Approved,
    string? DecisionReason,
    DateTimeOffset? LapsedAt,
    string? LapseReason,
    ExceptionStatus Status,
    IReadOnlyList<EvidenceRef> Evidence)
{
    /// <summary>The acceptance this exception gives while it is in force, else null.</summary>
    public Acceptance? Acceptance() =>
        Status == ExceptionStatus.Accepted ? new Acceptance(ExceptionId, Reason, RequestedBy, DecidedBy!, DecidedAt!.Value, ExpiresOn) : null;
}

/// <summary>A finding's state on a day: resolved, accepted under an exception, overdue (past its due date), or open.</summary>
public enum FindingState
{
    Open,
    Overdue,
    Accepted,
    Resolved,
}

/// <summary>
/// A finding as an auditor reads it on a day: who owns it, when it is due, how old it is, whether it is overdue (and since
/// when) and, when an exception accepts it, who accepted it, why and until when. An accepted finding is still listed.
/// </summary>
public sealed record FindingStatus(
    string ClusterId,
    FindingKind Kind,
    string Subject,
    string Detail,
    string Owner,
    DateTimeOffset DetectedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? ResolvedAt,
    FindingState State,
    TimeSpan Age,
    DateTimeOffset? OverdueSince,
    Acceptance? Accepted,
    IReadOnlyList<EvidenceRef> Evidence);

/// <summary>
/// Exceptions (DOMAIN.md "Exceptions", risk acceptance): accepted items are shown as accepted, never hidden, and come back
/// open at expiry (on the expiry day, whole UTC days) or when their subject changes: an accepted component that moves to
/// another version or cycle, or an accepted finding raised again from new evidence (a new episode of the same kind and
/// subject). Everything is judged as of an instant, so a past as-of replays.
/// </summary>
public static class Exceptions
{
    /// <summary>
    /// The cluster's exceptions requested by <paramref name="asOf"/>, with the decisions and subject changes recorded by
    /// then; <paramref name="findings"/> are the cluster's findings (every episode) as of the same instant.
    /// </summary>
    public static IReadOnlyList<ExceptionVerdict> Evaluate(ClusterHistory cluster, IReadOnlyList<Finding> findings, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(findings);
        var verdicts = new List<ExceptionVerdict>();
        foreach (var x in cluster.Exceptions.Where(x => x.Request.At <= asOf))
        {
            var r = x.Request;
            var decided = x.Approval is { } a && a.At <= asOf ? (By: a.ApprovedBy, At: a.At, Approved: true, Reason: (string?)null)
                : x.Rejection is { } j && j.At <= asOf ? (By: j.RejectedBy, At: j.At, Approved: false, Reason: j.Reason)
                : ((string By, DateTimeOffset At, bool Approved, string? Reason)?)null;
            var (lapsedAt, lapse) = r.Finding is { } f ? FindingLapse(f, findings, asOf) : ComponentLapse(r.Component!, cluster, r.At, asOf);
            var evidence = x.DecisionEvidence is { } d && decided is not null ? new[] { x.RequestEvidence, d } : [x.RequestEvidence];
            var verdict = new ExceptionVerdict(cluster.ClusterId, r.ExceptionId, ExceptionDecider.Describe(r), r.Finding, r.Component, r.Reason, r.ExpiresOn,
                r.RequestedBy, r.At, decided?.By, decided?.At, decided?.Approved ?? false, decided?.Reason, lapsedAt, lapse, ExceptionStatus.Requested, evidence);
            verdicts.Add(verdict with { Status = StatusOf(verdict, asOf) });
        }

        return verdicts;
    }

    /// <summary>An exception evaluated later, as it stood at <paramref name="asOf"/>; null when it was not requested yet.</summary>
    public static ExceptionVerdict? At(ExceptionVerdict verdict, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        if (verdict.RequestedAt > asOf) return null;
        var seen = verdict with
        {
            DecidedBy = verdict.DecidedAt <= asOf ? verdict.DecidedBy : null,
            DecidedAt = verdict.DecidedAt <= asOf ? verdict.DecidedAt : null,
            Approved = verdict.DecidedAt <= asOf && verdict.Approved,
            DecisionReason = verdict.DecidedAt <= asOf ? verdict.DecisionReason : null,
            LapsedAt = verdict.LapsedAt <= asOf ? verdict.LapsedAt : null,
            LapseReason = verdict.LapsedAt <= asOf ? verdict.LapseReason : null,
            Evidence = verdict.DecidedAt <= asOf ? verdict.Evidence : [.. verdict.Evidence.Take(1)],
        };
        return seen with { Status = StatusOf(seen, asOf) };
    }

    /// <summary>The acceptance in force for a finding among exceptions seen at the same instant, or null.</summary>
    public static Acceptance? Covering(Finding finding, IEnumerable<ExceptionVerdict> exceptions)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(exceptions);
        return exceptions
            .Where(x => x.ClusterId == finding.ClusterId && x.Status == ExceptionStatus.Accepted)
            .Where(x => x.Finding is { } f
                ? f.Kind == finding.Kind && f.Subject == finding.Subject && f.DetectedAt == finding.DetectedAt
                : finding.Kind == FindingKind.EolComponent && finding.Subject == RiskFindings.EolSubject(x.Component!.Kind, x.Component.Product, x.Component.Cycle))
            .Select(x => x.Acceptance())
            .FirstOrDefault();
    }

    /// <summary>The acceptance in force for a component's EOL verdict among exceptions seen on the same day, or null.</summary>
    public static Acceptance? Covering(EolRiskVerdict verdict, IEnumerable<ExceptionVerdict> exceptions)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        ArgumentNullException.ThrowIfNull(exceptions);
        return exceptions
            .Where(x => x.ClusterId == verdict.ClusterId && x.Status == ExceptionStatus.Accepted && x.Component is { } c
                && Names(c.ComponentId, verdict.ComponentId, verdict.Kind, verdict.Product) && c.Version == verdict.RawVersion && c.Cycle == verdict.Cycle)
            .Select(x => x.Acceptance())
            .FirstOrDefault();
    }

    /// <summary>A finding as it stands at <paramref name="asOf"/> under the exceptions seen then.</summary>
    public static FindingStatus StatusOf(Finding finding, IEnumerable<ExceptionVerdict> exceptions, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var accepted = finding.IsOpenAt(asOf) ? Covering(finding, exceptions) : null;
        var overdue = finding.OverdueSinceAt(asOf);
        var state = !finding.IsOpenAt(asOf) ? FindingState.Resolved
            : accepted is not null ? FindingState.Accepted
            : overdue is not null ? FindingState.Overdue
            : FindingState.Open;
        return new FindingStatus(finding.ClusterId, finding.Kind, finding.Subject, finding.Detail, finding.Owner, finding.DetectedAt, finding.DueAt,
            finding.ResolvedAt <= asOf ? finding.ResolvedAt : null, state, finding.AgeAt(asOf), overdue, accepted, finding.Evidence);
    }

    /// <summary>
    /// Whether a component id as an exception names it (one component, or a group: <c>node/*/kubelet</c>,
    /// <c>addon/*/cert-manager</c>) names the component <paramref name="componentId"/> of that kind and product.
    /// </summary>
    public static bool Names(string pattern, string componentId, ComponentKind kind, string product)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern == componentId) return true;
        const string Nodes = "node/*/", AddOns = "addon/*/";
        if (pattern.StartsWith(Nodes, StringComparison.Ordinal))
        {
            return kind is not (ComponentKind.ControlPlane or ComponentKind.AddOn)
                && componentId.StartsWith("node/", StringComparison.Ordinal) && componentId.EndsWith("/" + pattern[Nodes.Length..], StringComparison.Ordinal);
        }

        return pattern.StartsWith(AddOns, StringComparison.Ordinal) && kind == ComponentKind.AddOn
            && (componentId == pattern || pattern[AddOns.Length..] == (product.Length > 0 ? product : "unmapped"));
    }

    private static ExceptionStatus StatusOf(ExceptionVerdict x, DateTimeOffset asOf)
    {
        var expired = asOf >= Days.StartOf(x.ExpiresOn);
        if (x.DecidedAt is null) return expired ? ExceptionStatus.Expired : ExceptionStatus.Requested;
        if (!x.Approved) return ExceptionStatus.Rejected;
        if (expired) return ExceptionStatus.Expired;
        return x.LapsedAt <= asOf ? ExceptionStatus.Lapsed : ExceptionStatus.Accepted;
    }

    /// <summary>A later episode of the same finding (same kind and subject, detected after the accepted one).</summary>
    private static (DateTimeOffset? At, string? Reason) FindingLapse(AcceptedFinding accepted, IReadOnlyList<Finding> findings, DateTimeOffset asOf)
    {
        var again = findings
            .Where(f => f.Kind == accepted.Kind && f.Subject == accepted.Subject && f.DetectedAt > accepted.DetectedAt && f.DetectedAt <= asOf)
            .MinBy(f => f.DetectedAt);
        return again is null ? (null, null) : (again.DetectedAt, $"the finding was raised again from new evidence at {Words.Instant(again.DetectedAt)}");
    }

    /// <summary>The first time after the request that a component the exception names ran another version or release line.</summary>
    private static (DateTimeOffset? At, string? Reason) ComponentLapse(AcceptedComponent accepted, ClusterHistory cluster, DateTimeOffset requestedAt, DateTimeOffset asOf)
    {
        var moved = cluster.Intervals
            .Where(i => i.From > requestedAt && i.From <= asOf && Names(accepted.ComponentId, i.ComponentId, i.Kind, i.Version.Product))
            .Where(i => i.Version.Raw != accepted.Version
                || (i.Version.MaintainedBy is { } m && (m.Product != accepted.Product || m.Cycle != accepted.Cycle)))
            .MinBy(i => i.From);
        return moved is null
            ? (null, null)
            : (moved.From, $"{moved.ComponentId} moved from {accepted.Version} to {moved.Version.Raw} at {Words.Instant(moved.From)}");
    }
}
