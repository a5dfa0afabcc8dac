using Compliance.Domain.Policies;
using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;

namespace Compliance.Application.ReadModels;

/// <summary>A registered cluster as the read side knows it.</summary>
public sealed record ClusterRow(
    string ClusterId,
    string DisplayName,
    string Environment,
    string OwnerTeam,
    Flavour Flavour,
    string? StagingClusterId,
    MaintenancePolicy Policy,
    DateTimeOffset RegisteredAt);

/// <summary>One line of a cluster's audit log, in plain words.</summary>
public sealed record AuditEntry(
    string ClusterId,
    long Position,
    string Stream,
    long Revision,
    DateTimeOffset RecordedAt,
    string Actor,
    string Text);

/// <summary>
/// Everything the read side keeps for one cluster; the projection replaces it whole when the cluster changes.
/// Component intervals, patch rows, findings and exceptions are time-stamped facts, so any date can be asked of them later.
/// </summary>
public sealed record ClusterReadModel(
    ClusterRow Cluster,
    IReadOnlyList<ComponentInterval> Components,
    IReadOnlyList<PatchLatencyVerdict> Patches,
    IReadOnlyList<Finding> Findings,
    TimeSpan EstimatedDrainTime,
    IReadOnlyList<ExceptionVerdict> Exceptions);

/// <summary>
/// What one projection transaction writes: replaced clusters, new audit lines, and the checkpoint they reach with the
/// hash of the ledger event at it (so a ledger rewritten under the read models can be told from one that is only ahead).
/// </summary>
public sealed record ReadModelBatch(
    IReadOnlyList<ClusterReadModel> Clusters,
    IReadOnlyList<AuditEntry> Audit,
    IReadOnlyList<CatalogFactRow> CatalogFacts,
    long Checkpoint,
    DateTimeOffset EvaluatedAt,
    string? CheckpointHash = null);

/// <summary>The position the read models reflect and the hash the ledger had there when they were projected (null: not recorded).</summary>
public sealed record ReadModelCheckpoint(long Position, string? Hash);

/// <summary>A catalog fact recorded in the ledger (stored type name and JSON), kept so queries see the catalog the ledger knows.</summary>
public sealed record CatalogFactRow(long Position, string Type, string Json, DateTimeOffset RecordedAt);
