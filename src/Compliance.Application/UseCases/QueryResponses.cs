using Compliance.Application.ReadModels;
using Compliance.Domain.Verdicts;

namespace Compliance.Application.UseCases;

/// <summary>A cluster with the revisions of its streams (If-Match values for commands on them).</summary>
public sealed record ClusterDetail(ClusterRow Cluster, long? ClusterRevision, long? MaintenanceRevision);

public sealed record ClusterEolResponse(string ClusterId, DateOnly AsOf, IReadOnlyList<EolRiskVerdict> Verdicts);

/// <summary>The fleet's EOL risk; Checkpoint is the ledger position the read models reflected.</summary>
public sealed record FleetEolResponse(DateOnly AsOf, string? Environment, string? MinLevel, long Checkpoint, int Count, IReadOnlyList<EolRiskVerdict> Verdicts);

/// <summary>
/// The verdict for one version string: the release line it was judged by (for a distribution kernel, the OS release
/// that maintains it) and each date with its own days left; extended support only where it counts.
/// </summary>
public sealed record CheckResponse(string Version, string Product, string Normalized, string Cycle, DateOnly AsOf, EolLevel Level, string? Note,
    SupportEnd? ActiveSupport, SupportEnd? StandardSupport, SupportEnd? ExtendedSupport, int? PatchesBehind, int? OldestMissingPatchAgeDays,
    string? LatestPatch);

/// <summary>Patches released from..to as they stood at AsOf: one row per patch level, and the counts of the rows (see PatchPeriod).</summary>
public sealed record PatchLatencyResponse(string ClusterId, DateOnly From, DateOnly To, DateTimeOffset AsOf, int Released, int Due, int AppliedWithinSla,
    int Breached, int Open, double? Compliance, IReadOnlyList<ClusterPatch> Patches);

/// <summary>A cluster's findings as of a day; Open, Overdue and Accepted count the findings in each state.</summary>
public sealed record FindingsResponse(string ClusterId, DateOnly AsOf, int Open, int Overdue, int Accepted, IReadOnlyList<FindingStatus> Findings);

/// <summary>The fleet's findings as of a day (filtered by environment and state when asked); the state counts are before the state filter.</summary>
public sealed record FleetFindingsResponse(DateOnly AsOf, string? Environment, string? State, int Open, int Overdue, int Accepted, int Count,
    IReadOnlyList<FindingStatus> Findings);

/// <summary>Exceptions of a cluster (or the fleet when ClusterId is null) requested by the as-of day, with their status that day.</summary>
public sealed record ExceptionsResponse(string? ClusterId, DateOnly AsOf, IReadOnlyList<ExceptionVerdict> Exceptions);

/// <summary>One page of a cluster's audit log, oldest first; Total counts every entry.</summary>
public sealed record HistoryResponse(string ClusterId, int Page, int PageSize, long Total, IReadOnlyList<AuditEntry> Entries);
