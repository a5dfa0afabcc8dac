using Compliance.Application.ReadModels;
using Microsoft.Data.Sqlite;

namespace Compliance.Adapters.Sqlite.ReadModels;

/// <summary>An open read-model transaction: lines are inserted as they are appended, the checkpoint at commit.</summary>
internal sealed class SqliteReadModelTransaction(SqliteConnection connection, SqliteTransaction tx) : IReadModelTransaction
{
    private readonly ReadModelWriter writer = new(connection, tx);

    public Task AppendAsync(IReadOnlyList<AuditEntry> audit, IReadOnlyList<CatalogFactRow> catalogFacts, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        foreach (var entry in audit) writer.Append(entry);
        foreach (var fact in catalogFacts) writer.Append(fact);
        return Task.CompletedTask;
    }

    public async Task CommitAsync(long checkpoint, string? checkpointHash, DateTimeOffset evaluatedAt, CancellationToken ct)
    {
        writer.SetCheckpoint(checkpoint, checkpointHash, evaluatedAt);
        await tx.CommitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        writer.Dispose();
        await tx.DisposeAsync();
        await connection.DisposeAsync();
    }
}
