using System.Text.Json;
using Compliance.Application.Ports;
using Compliance.Application.UseCases;
using Microsoft.Data.Sqlite;

namespace Compliance.Adapters.Sqlite.Idempotency;

/// <summary>
/// Command answers per (actor, idempotency key) in a small SQLite file beside the read models. Rows are only added; a
/// key is scoped to the actor that used it.
/// </summary>
public sealed class SqliteIdempotencyStore : IIdempotencyStore
{
    private readonly string connectionString;

    public SqliteIdempotencyStore(string path)
    {
        connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var create = connection.CreateCommand();
        create.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS command_answers (
                actor TEXT NOT NULL,
                idempotency_key TEXT NOT NULL,
                request_hash TEXT NOT NULL,
                response TEXT,
                rejection TEXT,
                created_at INTEGER NOT NULL,
                PRIMARY KEY (actor, idempotency_key));
            """;
        create.ExecuteNonQuery();
    }

    public async Task<StoredAnswer?> FindAsync(string actor, string idempotencyKey, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var find = connection.CreateCommand();
        find.CommandText = "SELECT request_hash, response, rejection FROM command_answers WHERE actor = $actor AND idempotency_key = $key";
        find.Parameters.AddWithValue("$actor", actor);
        find.Parameters.AddWithValue("$key", idempotencyKey);
        await using var row = await find.ExecuteReaderAsync(ct);
        if (!await row.ReadAsync(ct)) return null;
        var response = row.IsDBNull(1) ? null : JsonSerializer.Deserialize<CommandResponse>(row.GetString(1), RequestJson.Options);
        return new StoredAnswer(row.GetString(0), response, row.IsDBNull(2) ? null : row.GetString(2));
    }

    public async Task SaveAsync(string actor, string idempotencyKey, StoredAnswer answer, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answer);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT OR IGNORE INTO command_answers (actor, idempotency_key, request_hash, response, rejection, created_at)
            VALUES ($actor, $key, $hash, $response, $rejection, $at)
            """;
        insert.Parameters.AddWithValue("$actor", actor);
        insert.Parameters.AddWithValue("$key", idempotencyKey);
        insert.Parameters.AddWithValue("$hash", answer.RequestHash);
        insert.Parameters.AddWithValue("$response", answer.Response is null ? DBNull.Value : JsonSerializer.Serialize(answer.Response, RequestJson.Options));
        insert.Parameters.AddWithValue("$rejection", (object?)answer.Rejection ?? DBNull.Value);
        insert.Parameters.AddWithValue("$at", at.UtcTicks);
        await insert.ExecuteNonQueryAsync(ct);
    }
}
