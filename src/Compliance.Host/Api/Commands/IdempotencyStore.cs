using Microsoft.Data.Sqlite;

namespace Compliance.Host.Api.Commands;

/// <summary>An answer given to a POST, kept so that a retry with the same Idempotency-Key gets it again.</summary>
internal sealed record StoredAnswer(string RequestHash, int Status, string ContentType, string Body, string? ETag);

/// <summary>
/// Answers per (API key name, Idempotency-Key) with the hash of the request they answered, in a small SQLite file beside
/// the read models. Records are only added; a key is scoped to the API key that used it.
/// </summary>
internal sealed class IdempotencyStore
{
    private readonly string connectionString;

    public IdempotencyStore(string path)
    {
        connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var create = connection.CreateCommand();
        create.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS idempotency (
                key_name TEXT NOT NULL,
                idempotency_key TEXT NOT NULL,
                request_hash TEXT NOT NULL,
                status INTEGER NOT NULL,
                content_type TEXT NOT NULL,
                body TEXT NOT NULL,
                etag TEXT,
                created_at INTEGER NOT NULL,
                PRIMARY KEY (key_name, idempotency_key));
            """;
        create.ExecuteNonQuery();
    }

    public async Task<StoredAnswer?> FindAsync(string keyName, string idempotencyKey, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var find = connection.CreateCommand();
        find.CommandText = "SELECT request_hash, status, content_type, body, etag FROM idempotency WHERE key_name = $name AND idempotency_key = $key";
        find.Parameters.AddWithValue("$name", keyName);
        find.Parameters.AddWithValue("$key", idempotencyKey);
        await using var row = await find.ExecuteReaderAsync(ct);
        if (!await row.ReadAsync(ct)) return null;
        return new StoredAnswer(row.GetString(0), row.GetInt32(1), row.GetString(2), row.GetString(3), row.IsDBNull(4) ? null : row.GetString(4));
    }

    /// <summary>Keeps the answer; when another writer stored one first for the same key, that one stays.</summary>
    public async Task SaveAsync(string keyName, string idempotencyKey, StoredAnswer answer, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT OR IGNORE INTO idempotency (key_name, idempotency_key, request_hash, status, content_type, body, etag, created_at)
            VALUES ($name, $key, $hash, $status, $type, $body, $etag, $at)
            """;
        insert.Parameters.AddWithValue("$name", keyName);
        insert.Parameters.AddWithValue("$key", idempotencyKey);
        insert.Parameters.AddWithValue("$hash", answer.RequestHash);
        insert.Parameters.AddWithValue("$status", answer.Status);
        insert.Parameters.AddWithValue("$type", answer.ContentType);
        insert.Parameters.AddWithValue("$body", answer.Body);
        insert.Parameters.AddWithValue("$etag", (object?)answer.ETag ?? DBNull.Value);
        insert.Parameters.AddWithValue("$at", at.UtcTicks);
        await insert.ExecuteNonQueryAsync(ct);
    }
}
