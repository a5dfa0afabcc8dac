using Compliance.Domain.Verdicts;

namespace Compliance.Application.Reports;

/// <summary>
/// Everything an auditor report states, computed from the ledger as recorded up to <see cref="ReportRequest.AsOf"/>.
/// Plain data: the renderer lays it out and adds nothing of its own. <see cref="Checkpoint"/> is the signed checkpoint of
/// the as-of head (null when no key signs, or when the chain does not verify).
/// </summary>
public sealed record AuditReport(
    ReportRequest Request,
    DateTimeOffset GeneratedAt,
    LedgerPoint Ledger,
    ChainCheck Chain,
    IReadOnlyList<ClusterLine> Clusters,
    ReportSummary Summary,
    IReadOnlyList<EolRow> Eol,
    IReadOnlyList<TimelineRow> Timelines,
    IReadOnlyList<PatchRow> Patches,
    IReadOnlyList<WindowRow> Windows,
    IReadOnlyList<NoticeRow> Notices,
    IReadOnlyList<StagingRow> Staging,
    IReadOnlyList<FindingRow> Findings,
    IReadOnlyList<DrainWindowRow> DrainWindows,
    IReadOnlyList<CatalogSourceRow> Catalog,
    int CatalogFactsRecorded,
    Checkpoints.SignedCheckpoint? Checkpoint = null)
{
    /// <summary>The day EOL risk is judged on: the end of the period (or the as-of day when earlier).</summary>
    public DateOnly EolDay => Days.Of(Request.PeriodEnd);

    public IEnumerable<FindingRow> Unrecorded => Findings.Where(f => f.Kind == FindingKind.UnrecordedChange);

    public IEnumerable<FindingRow> DrainFindings => Findings.Where(f => FindingRow.IsDrain(f.Kind));
}

/// <summary>The last event the report read (recorded at or before as-of): its position, hash and recording instant.</summary>
public sealed record LedgerPoint(long Position, string Hash, DateTimeOffset? RecordedAt, long EventsRead);

/// <summary>
/// The result of walking the hash chain (<see cref="Store.HashChainVerifier"/>) from position 1 to the as-of head, the
/// history the report stands on. <see cref="CoversAsOf"/>: every event the report used verified. <see cref="BreakKind"/>:
/// the rule the first event within it broke.
/// </summary>
public sealed record ChainCheck(bool Intact, long Verified, long HeadPosition, string HeadHash, string? Failure, bool CoversAsOf, Store.ChainBreakKind? BreakKind = null);

public sealed record ClusterLine(string ClusterId, string Name, string Environment, string Owner, string Flavour, string? Staging);

/// <summary>
/// The executive summary. <see cref="Score"/> = 100 x (E + P + M) / 3 with E the share of running component versions
/// neither eol nor high, P the patch SLA compliance of the period's patches and M the share of the period's windows held;
/// a share with nothing to measure counts as 1.
/// </summary>
public sealed record ReportSummary(
    int Score,
    double EolShare,
    int EolMeasured,
    PatchCompliance Sla,
    double WindowShare,
    int WindowsDue,
    int WindowsHeld,
    IReadOnlyDictionary<EolLevel, int> EolLevels,
    int OpenFindings,
    IReadOnlyDictionary<FindingKind, int> OpenByKind,
    int PatchesBreached,
    int PatchesOpen)
{
    public const string Formula =
        "Score = 100 x (E + P + M) / 3, where E = running component versions neither eol nor high risk / running component versions with a known level, " +
        "P = (patch, cluster) pairs applied within SLA / pairs due in the period (patch SLA compliance), M = maintenance windows held / windows due in the period. A share with nothing to measure counts as 1.";
}

public sealed record EolRow(
    string ClusterId, string Environment, string Component, string Product, string Version, string Cycle,
    DateOnly? Eol, int? DaysLeft, EolLevel Level, int? PatchesBehind, int Instances, string? Note, EvidenceRef? Evidence);

/// <summary>One cluster's control-plane versions over the period and the EOL dates of the cycles it ran.</summary>
public sealed record TimelineRow(string ClusterId, IReadOnlyList<TimelineSegment> Segments);

public sealed record TimelineSegment(string Version, string Cycle, DateTimeOffset From, DateTimeOffset To, DateOnly? Eol, EolLevel LevelAtEnd);

/// <summary>
/// One patch on one cluster: its component groups that ran an older version of the cycle (control plane, kubelets,
/// kube-proxies, ...) taken together. Applied when the last of them got there; the status is the worst of theirs.
/// </summary>
public sealed record PatchRow(
    string Product, string Cycle, string Version, DateTimeOffset ReleasedAt, bool Critical, string ClusterId, string Environment,
    string Component, DateTimeOffset DueAt, DateTimeOffset? AppliedAt, TimeSpan? Latency, TimeSpan Age, SlaStatus Status, EvidenceRef? Evidence)
{
    public static PatchRow Of(string environment, IReadOnlyList<PatchLatencyVerdict> verdicts)
    {
        var first = verdicts[0];
        var applied = verdicts.All(v => v.AppliedAt is not null) ? verdicts.Max(v => v.AppliedAt) : null;
        var last = verdicts.Where(v => v.AppliedAt is not null).MaxBy(v => v.AppliedAt);
        var clock = verdicts.Min(v => v.ClockFrom); // the SLA clock: the end of the release day when only the day is known
        var status = verdicts.Any(v => v.Status == SlaStatus.Breached) ? SlaStatus.Breached
            : verdicts.Any(v => v.Status == SlaStatus.Open) ? SlaStatus.Open
            : SlaStatus.Met;
        return new PatchRow(first.Product, first.Cycle, first.Patch, first.ReleasedAt, verdicts.Any(v => v.Critical), first.ClusterId, environment,
            string.Join(", ", verdicts.Select(v => v.Kind).Distinct().Order().Select(Name)).Replace("kubelet, kube-proxy", "kubelet/proxy", StringComparison.Ordinal),
            verdicts.Min(v => v.DueAt), applied,
            applied is { } a ? (a > clock ? a - clock : TimeSpan.Zero) : null, verdicts.Max(v => v.Age), status, applied is null ? null : last?.Evidence);
    }

    private static string Name(Domain.Versions.ComponentKind kind) => kind switch
    {
        Domain.Versions.ComponentKind.ControlPlane => "control plane",
        Domain.Versions.ComponentKind.Kubelet => "kubelet",
        Domain.Versions.ComponentKind.KubeProxy => "kube-proxy",
        Domain.Versions.ComponentKind.OsImage => "os",
        Domain.Versions.ComponentKind.ContainerRuntime => "runtime",
        Domain.Versions.ComponentKind.AddOn => "add-on",
        _ => kind.ToString().ToLowerInvariant(),
    };
}

public enum WindowState
{
    Upcoming,
    Held,
    Missed,
    Aborted,
}

public sealed record WindowRow(
    string ClusterId, string WindowId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, WindowState State, bool ContingencyPlan,
    DateTimeOffset? RetrospectiveAt, int Upgrades, TimeSpan DrainedFor, EvidenceRef? Evidence);

/// <summary>A window with a major change for application teams and how long before its start it was announced.</summary>
public sealed record NoticeRow(string ClusterId, string WindowId, DateTimeOffset StartsAt, DateTimeOffset? AnnouncedAt, double? LeadDays, int RequiredDays)
{
    public bool Met => LeadDays >= RequiredDays;
}

public enum StagingResult
{
    Passed,
    Skipped,
    ExemptEmergency,
}

public sealed record StagingRow(string ClusterId, string StagingClusterId, string Version, DateTimeOffset TakenAt, StagingResult Result, EvidenceRef Evidence);

public sealed record FindingRow(
    string ClusterId, FindingKind Kind, string Subject, string Detail, DateTimeOffset DetectedAt, DateTimeOffset? ResolvedAt, IReadOnlyList<EvidenceRef> Evidence)
{
    public bool Open => ResolvedAt is null;

    public static bool IsDrain(FindingKind kind) => kind >= FindingKind.SingleReplica;
}

/// <summary>The drain time estimated for a window (as the cluster stood at its start) and the drain time recorded in it.</summary>
public sealed record DrainWindowRow(string ClusterId, string WindowId, DateTimeOffset StartsAt, int Nodes, TimeSpan Estimated, TimeSpan Recorded);

public sealed record CatalogSourceRow(string Product, string Source, string License, DateOnly RetrievedOn, int AgeDays, int FactsRecorded);
