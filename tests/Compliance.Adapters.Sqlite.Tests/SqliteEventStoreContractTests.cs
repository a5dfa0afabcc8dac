using Compliance.Adapters.Sqlite.Events;
using Compliance.Application.Store;
using Compliance.Testing;
using Microsoft.Data.Sqlite;

namespace Compliance.Adapters.Sqlite.Tests;

/// <summary>The store contract against a SQLite file in a temp folder.</summary>
public sealed class SqliteEventStoreContractTests : EventStoreContract
{
    private readonly TempFolder _folder = new();

    protected override IEventStore CreateStore(TimeProvider time) => new SqliteEventStore(_folder.File("ledger.db"), time);

    protected override IEventStore OpenAnother(TimeProvider time) => new SqliteEventStore(_folder.File("ledger.db"), time);

    /// <summary>Another application's table in the same file, with an events-like shape.</summary>
    protected override async Task WriteForeignEventsAsync(int count, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _folder.File("ledger.db"), Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS other_application_events (position INTEGER PRIMARY KEY, event_id TEXT NOT NULL, stream TEXT NOT NULL, type TEXT NOT NULL, json TEXT NOT NULL);
            INSERT INTO other_application_events (event_id, stream, type, json) VALUES ($id, 'orders-1', 'V1.ContractTested', '{"n":1}');
            """;
        var id = command.Parameters.Add(new SqliteParameter { ParameterName = "$id" });
        for (var i = 0; i < count; i++)
        {
            id.Value = Guid.NewGuid().ToString("D");
            await command.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _folder.Dispose();
        }
    }
}
