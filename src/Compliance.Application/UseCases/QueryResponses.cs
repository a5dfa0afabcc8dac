using Compliance.Application.ReadModels;
using Compliance.Domain.Verdicts;

namespace Compliance.Application.UseCases;

/// <summary>A cluster with the revisions of its streams (If-Match values for commands on them).</summary>
public sealed record ClusterDetail(ClusterRow Cluster, long? ClusterRevision, long? MaintenanceRevision);

public sealed record ClusterEolResponse(string ClusterId, DateOnly AsOf, IReadOnlyList<EolRiskVerdict> Verdicts);

/// <summary>The fleet's EOL risk; Checkpoint is the ledger position the read models reflected.</summary>
public sealed record FleetEolResponse(DateOnly AsOf, string? Environment, string? MinLevel, long Checkpoint, int Count, IReadOnlyList<EolRiskVerdict> Verdicts);

public sealed record CheckResponse(string Version, string Product, string Normalized, string Cycle, DateOnly AsOf, EolLevel Level, string? Note,
    DateOnly? Eoas, DateOnly? Eol, DateOnly? Eoes, int? DaysLeft, int? PatchesBehind, int? OldestMissingPatchAgeDays, string? LatestPatch);

public sealed record PatchLatencyResponse(string ClusterId, DateOnly From, DateOnly To, int Due, int AppliedWithinSla, double? Compliance,
    IReadOnlyList<PatchLatencyVerdict> Patches);

public sealed record FindingsResponse(string ClusterId, DateOnly AsOf, int Open, IReadOnlyList<Finding> Findings);

/// <summary>One page of a cluster's audit log, oldest first; Total counts every entry.</summary>
public sealed record HistoryResponse(string ClusterId, int Page, int PageSize, long Total, IReadOnlyList<AuditEntry> Entries);
