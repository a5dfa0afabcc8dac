using Compliance.Domain.Verdicts;

namespace Compliance.Application.ReadModels;

/// <summary>The read side: written by the projection runner, one transaction per batch together with its checkpoint.</summary>
public interface IReadModelStore
{
    /// <summary>The global position the read models reflect (0 when empty).</summary>
    Task<long> ReadCheckpointAsync(CancellationToken ct);

    /// <summary>The checkpoint with the hash of the ledger event at it, as recorded when it was projected.</summary>
    async Task<ReadModelCheckpoint> ReadCheckpointHeadAsync(CancellationToken ct) => new(await ReadCheckpointAsync(ct), null);

    /// <summary>Writes the batch and its checkpoint in one transaction.</summary>
    Task CommitAsync(ReadModelBatch batch, CancellationToken ct);

    /// <summary>Opens a transaction that audit lines and catalog facts are written into as they come (a catch-up's batch).</summary>
    Task<IReadModelTransaction> BeginAsync(CancellationToken ct) => Task.FromResult<IReadModelTransaction>(new BufferedReadModelTransaction(this));

    /// <summary>Removes every read model and sets the checkpoint to 0 (before a rebuild).</summary>
    Task ResetAsync(CancellationToken ct);

    Task<IReadOnlyList<ClusterRow>> ClustersAsync(CancellationToken ct);

    /// <summary>Component versions running at an instant, for one cluster or the fleet.</summary>
    Task<IReadOnlyList<(string ClusterId, ComponentInterval Component)>> ComponentsAtAsync(string? clusterId, DateTimeOffset at, CancellationToken ct);

    /// <summary>Patch rows with their SLA state as of the last evaluation; judge them for another instant with PatchLatency.At.</summary>
    Task<IReadOnlyList<PatchLatencyVerdict>> PatchesAsync(string? clusterId, CancellationToken ct);

    /// <summary>Findings of one cluster or the fleet; of one kind only when <paramref name="kind"/> is given.</summary>
    Task<IReadOnlyList<Finding>> FindingsAsync(string? clusterId, FindingKind? kind, CancellationToken ct);

    /// <summary>Exceptions of one cluster or the fleet as of the last evaluation; see them at another instant with Exceptions.At.</summary>
    Task<IReadOnlyList<ExceptionVerdict>> ExceptionsAsync(string? clusterId, CancellationToken ct);

    /// <summary>Catalog facts recorded up to an instant, in ledger order.</summary>
    Task<IReadOnlyList<CatalogFactRow>> CatalogFactsAsync(DateTimeOffset recordedUpTo, CancellationToken ct);

    Task<IReadOnlyList<AuditEntry>> AuditLogAsync(string clusterId, int skip, int take, CancellationToken ct);

    /// <summary>A digest of every read-model row (not the checkpoint's time), to show that two rebuilds agree.</summary>
    Task<string> DigestAsync(CancellationToken ct);
}
