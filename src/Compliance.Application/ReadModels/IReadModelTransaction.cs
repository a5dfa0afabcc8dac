namespace Compliance.Application.ReadModels;

/// <summary>
/// A read-model transaction that a catch-up streams audit lines and catalog facts into as it folds them, so that a
/// large transaction is written as it goes instead of waiting in memory. Nothing shows until <see cref="CommitAsync"/>
/// (which writes the checkpoint in the same transaction); disposing an uncommitted one discards it.
/// </summary>
public interface IReadModelTransaction : IAsyncDisposable
{
    Task AppendAsync(IReadOnlyList<AuditEntry> audit, IReadOnlyList<CatalogFactRow> catalogFacts, CancellationToken ct);

    /// <summary>Commits with the checkpoint and the hash of the ledger event at it (null: not known).</summary>
    Task CommitAsync(long checkpoint, string? checkpointHash, DateTimeOffset evaluatedAt, CancellationToken ct);

    Task CommitAsync(long checkpoint, DateTimeOffset evaluatedAt, CancellationToken ct) => CommitAsync(checkpoint, null, evaluatedAt, ct);
}

/// <summary>For stores that only commit whole batches: keeps the lines and commits them as one <see cref="ReadModelBatch"/>.</summary>
public sealed class BufferedReadModelTransaction(IReadModelStore store) : IReadModelTransaction
{
    private readonly List<AuditEntry> audit = [];
    private readonly List<CatalogFactRow> catalogFacts = [];

    public Task AppendAsync(IReadOnlyList<AuditEntry> audit, IReadOnlyList<CatalogFactRow> catalogFacts, CancellationToken ct)
    {
        this.audit.AddRange(audit);
        this.catalogFacts.AddRange(catalogFacts);
        return Task.CompletedTask;
    }

    public Task CommitAsync(long checkpoint, string? checkpointHash, DateTimeOffset evaluatedAt, CancellationToken ct) =>
        store.CommitAsync(new ReadModelBatch([], audit, catalogFacts, checkpoint, evaluatedAt, checkpointHash), ct);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
