using Compliance.Domain.Verdicts;

namespace Compliance.Application.Reports;

/// <summary>
/// Everything an auditor report states, computed from the ledger as recorded up to <see cref="ReportRequest.AsOf"/>.
/// Plain data: the renderer lays it out and adds nothing of its own. Every row of every section carries the ledger
/// events it stands on with the actors that recorded them; the rows are complete (the renderer details the exceptions
/// and summarises the rest with <see cref="Results"/>), and <see cref="Export"/> names the population export holding
/// the same rows. <see cref="Checkpoint"/> is the signed checkpoint of the as-of head (null when no key signs, or when
/// the chain does not verify).
/// </summary>
public sealed record AuditReport(
    ReportRequest Request,
    DateTimeOffset GeneratedAt,
    LedgerPoint Ledger,
    ChainCheck Chain,
    IReadOnlyList<ClusterLine> Clusters,
    IReadOnlyList<PolicyLine> Policies,
    PeriodTrend Trend,
    IReadOnlyList<ClusterResult> Results,
    IReadOnlyList<EolRow> Eol,
    IReadOnlyList<UnknownGroup> Unknowns,
    IReadOnlyList<TimelineRow> Timelines,
    IReadOnlyList<PatchRow> Patches,
    IReadOnlyList<WindowRow> Windows,
    IReadOnlyList<NoticeRow> Notices,
    IReadOnlyList<StagingRow> Staging,
    IReadOnlyList<ChangeRow> Changes,
    IReadOnlyList<FindingRow> Findings,
    IReadOnlyList<ExceptionRow> Exceptions,
    IReadOnlyList<DrainWindowRow> DrainWindows,
    IReadOnlyList<ForwardRow> Forward,
    ControlTable Controls,
    IReadOnlyList<CatalogSourceRow> Catalog,
    int CatalogFactsRecorded,
    Checkpoints.SignedCheckpoint? Checkpoint = null)
{
    /// <summary>The day EOL risk is judged on: the end of the period (or the as-of day when earlier).</summary>
    public DateOnly EolDay => Days.Of(Request.PeriodEnd);

    /// <summary>This period's score and counts.</summary>
    public PeriodFigures Summary => Trend.Current;

    /// <summary>The population export that holds this report's rows: its file names and each population's SHA-256.</summary>
    public EvidenceManifest Export { get; init; } = EvidenceManifest.None;

    public IEnumerable<FindingRow> Unrecorded => Findings.Where(f => f.Kind == FindingKinds.Key(FindingKind.UnrecordedChange));

    public IEnumerable<FindingRow> DrainFindings => Findings.Where(f => f.IsDrain);
}

/// <summary>The last event the report read (recorded at or before as-of): its position, hash and recording instant.</summary>
public sealed record LedgerPoint(long Position, string Hash, DateTimeOffset? RecordedAt, long EventsRead);

/// <summary>
/// The result of walking the hash chain (<see cref="Store.HashChainVerifier"/>) from position 1 to the as-of head, the
/// history the report stands on. <see cref="CoversAsOf"/>: every event the report used verified. <see cref="BreakKind"/>:
/// the rule the first event within it broke.
/// </summary>
public sealed record ChainCheck(bool Intact, long Verified, long HeadPosition, string HeadHash, string? Failure, bool CoversAsOf, Store.ChainBreakKind? BreakKind = null);

public sealed record CatalogSourceRow(string Product, string Source, string License, DateOnly RetrievedOn, int AgeDays, int FactsRecorded);

/// <summary>The export matching a report (<c>compliance evidence export</c> with the same scope, period and as-of): file names and per-population digests.</summary>
public sealed record EvidenceManifest(string CsvFileName, string JsonFileName, IReadOnlyList<PopulationDigest> Populations)
{
    public static EvidenceManifest None { get; } = new("", "", []);
}

/// <summary>One population's rows: how many and the SHA-256 of its lines in the CSV export (<c>grep '^NAME,' FILE.csv | sha256sum</c>).</summary>
public sealed record PopulationDigest(string Name, int Rows, string Sha256);
