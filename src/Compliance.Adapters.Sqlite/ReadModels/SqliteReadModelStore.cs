using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Compliance.Application.ReadModels;
using Compliance.Application.Serialization;
using Compliance.Domain.Policies;
using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;
using Microsoft.Data.Sqlite;

namespace Compliance.Adapters.Sqlite.ReadModels;

/// <summary>The read models in their own SQLite file (a rebuild can drop them without touching the ledger).</summary>
public sealed partial class SqliteReadModelStore : IReadModelStore
{
    private readonly string connectionString;
    private readonly string token = Guid.NewGuid().ToString("N");
    private readonly SemaphoreSlim writing = new(1, 1);
    private readonly Dictionary<string, WrittenComponents> written = new(StringComparer.Ordinal);

    public SqliteReadModelStore(string path)
    {
        connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        using var connection = Open();
        using (var version = connection.CreateCommand())
        {
            version.CommandText = ReadModelSchema.ReadVersion;
            if (version.ExecuteScalar() is not long current || current != ReadModelSchema.Version) Execute(connection, null, ReadModelSchema.DropAll);
        }

        Execute(connection, null, ReadModelSchema.Create);
        Execute(connection, null, ReadModelSchema.SetVersion);
    }

    public async Task<ReadModelCheckpoint> ReadCheckpointHeadAsync(CancellationToken ct)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT position, hash FROM checkpoint WHERE id = 1";
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new ReadModelCheckpoint(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1)) : new ReadModelCheckpoint(0, null);
    }

    public async Task<long> ReadCheckpointAsync(CancellationToken ct)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT position FROM checkpoint WHERE id = 1";
        return await command.ExecuteScalarAsync(ct) is long position ? position : 0;
    }

    /// <summary>
    /// Writes the batch in one immediate transaction. The component rows this store wrote last for each cluster are
    /// remembered, with their row ids, so that a cluster is rewritten only where it changed; they are trusted only while
    /// this store was the last to write cluster rows to the file (its token in the writer table) and forgotten otherwise.
    /// </summary>
    public async Task CommitAsync(ReadModelBatch batch, CancellationToken ct)
    {
        await writing.WaitAsync(ct);
        try
        {
            await using var connection = Open();
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            using var writer = new ReadModelWriter(connection, tx);
            if (batch.Clusters.Count > 0 && !writer.LastWriterWas(token)) written.Clear();
            var replaced = batch.Clusters.Select(cluster => (cluster.Cluster.ClusterId, Rows: writer.Replace(cluster, written.GetValueOrDefault(cluster.Cluster.ClusterId)))).ToList();
            foreach (var entry in batch.Audit) writer.Append(entry);
            foreach (var fact in batch.CatalogFacts) writer.Append(fact);
            if (replaced.Count > 0) writer.SetWriter(token);
            writer.SetCheckpoint(batch.Checkpoint, batch.CheckpointHash, batch.EvaluatedAt);
            try
            {
                await tx.CommitAsync(ct);
            }
            catch
            {
                written.Clear();
                throw;
            }

            foreach (var (clusterId, rows) in replaced) written[clusterId] = rows;
        }
        finally
        {
            writing.Release();
        }
    }

    public async Task<IReadModelTransaction> BeginAsync(CancellationToken ct)
    {
        var connection = Open();
        try
        {
            Execute(connection, null, ReadModelSchema.WriterCache);
            var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            return new SqliteReadModelTransaction(connection, tx);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task ResetAsync(CancellationToken ct)
    {
        await writing.WaitAsync(ct);
        try
        {
            written.Clear();
            await using var connection = Open();
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            Execute(connection, tx, ReadModelSchema.Reset);
            await tx.CommitAsync(ct);
        }
        finally
        {
            writing.Release();
        }
    }

    public async Task<IReadOnlyList<ClusterRow>> ClustersAsync(CancellationToken ct)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT cluster_id, display_name, environment, owner_team, flavour, staging_cluster_id, policy_json, registered_at
            FROM clusters ORDER BY cluster_id
            """;
        var rows = new List<ClusterRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new ClusterRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                Enum.Parse<Flavour>(reader.GetString(4)), reader.IsDBNull(5) ? null : reader.GetString(5),
                JsonSerializer.Deserialize<MaintenancePolicy>(reader.GetString(6), EventJson.Options)!, Ticks.Read(reader, 7)));
        }

        return rows;
    }

    public async Task<IReadOnlyList<(string ClusterId, ComponentInterval Component)>> ComponentsAtAsync(string? clusterId, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT cluster_id, component_id, kind, node, raw, product, cycle, version_key, normalized, flavour, unknown_reason, build,
                   valid_from, valid_to, ev_stream, ev_revision, ev_position, maintained_product, maintained_cycle, maintained_reason
            FROM components
            WHERE ($cluster IS NULL OR cluster_id = $cluster) AND valid_from <= $at AND (valid_to IS NULL OR valid_to > $at)
            ORDER BY cluster_id, component_id
            """;
        command.Parameters.AddWithValue("$cluster", (object?)clusterId ?? DBNull.Value);
        command.Parameters.AddWithValue("$at", at.UtcTicks);
        var rows = new List<(string, ComponentInterval)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) rows.Add((reader.GetString(0), ReadComponent(reader)));
        return rows;
    }

    public async Task<IReadOnlyList<PatchLatencyVerdict>> PatchesAsync(string? clusterId, CancellationToken ct)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        var evaluatedAt = await EvaluatedAtAsync(connection, ct);
        command.CommandText = """
            SELECT cluster_id, kind, product, cycle, patch, released_at, critical, due_at, applied_at, ev_stream, ev_revision, ev_position, day_only, clock_from
            FROM patches WHERE ($cluster IS NULL OR cluster_id = $cluster) ORDER BY cluster_id, released_at, product, patch, kind
            """;
        command.Parameters.AddWithValue("$cluster", (object?)clusterId ?? DBNull.Value);
        var rows = new List<PatchLatencyVerdict>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var released = Ticks.Read(reader, 5);
            DateTimeOffset? applied = reader.IsDBNull(8) ? null : Ticks.Read(reader, 8);
            var due = Ticks.Read(reader, 7);
            var evidence = reader.IsDBNull(9) ? null : new EvidenceRef(reader.GetString(9), reader.GetInt64(10), reader.GetInt64(11));
            var row = new PatchLatencyVerdict(reader.GetString(0), Enum.Parse<ComponentKind>(reader.GetString(1)), reader.GetString(2),
                reader.GetString(3), reader.GetString(4), released, reader.GetInt64(12) != 0, Ticks.Read(reader, 13), reader.GetInt64(6) != 0, due, applied,
                null, TimeSpan.Zero, SlaStatus.Open, evidence);
            rows.Add(PatchLatency.At(row, evaluatedAt) ?? row);
        }

        return rows;
    }

    /// <summary>When the read models were last evaluated; the stored patch rows are judged as of then.</summary>
    private static async Task<DateTimeOffset> EvaluatedAtAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT evaluated_at FROM checkpoint WHERE id = 1";
        return await command.ExecuteScalarAsync(ct) is long ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : DateTimeOffset.MinValue;
    }

    public async Task<IReadOnlyList<Finding>> FindingsAsync(string? clusterId, FindingKind? kind, CancellationToken ct)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT cluster_id, kind, subject, detail, detected_at, resolved_at, evidence_json, owner, due_at
            FROM findings WHERE ($cluster IS NULL OR cluster_id = $cluster) AND ($kind IS NULL OR kind = $kind) ORDER BY cluster_id, detected_at, kind, subject
            """;
        command.Parameters.AddWithValue("$cluster", (object?)clusterId ?? DBNull.Value);
        command.Parameters.AddWithValue("$kind", (object?)kind?.ToString() ?? DBNull.Value);
        var rows = new List<Finding>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new Finding(reader.GetString(0), Enum.Parse<FindingKind>(reader.GetString(1)), reader.GetString(2), reader.GetString(3),
                Ticks.Read(reader, 4), reader.IsDBNull(5) ? null : Ticks.Read(reader, 5),
                JsonSerializer.Deserialize<List<EvidenceRef>>(reader.GetString(6), EventJson.Options)!,
                reader.GetString(7), reader.IsDBNull(8) ? null : Ticks.Read(reader, 8)));
        }

        return rows;
    }

    public async Task<IReadOnlyList<CatalogFactRow>> CatalogFactsAsync(DateTimeOffset recordedUpTo, CancellationToken ct)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT position, type, json, recorded_at FROM catalog_facts WHERE recorded_at <= $at ORDER BY position";
        command.Parameters.AddWithValue("$at", recordedUpTo.UtcTicks);
        var rows = new List<CatalogFactRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) rows.Add(new CatalogFactRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), Ticks.Read(reader, 3)));
        return rows;
    }

    public async Task<IReadOnlyList<AuditEntry>> AuditLogAsync(string clusterId, int skip, int take, CancellationToken ct)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT cluster_id, position, stream, revision, recorded_at, actor, text FROM audit_log
            WHERE cluster_id = $cluster ORDER BY position LIMIT $take OFFSET $skip
            """;
        command.Parameters.AddWithValue("$cluster", clusterId);
        command.Parameters.AddWithValue("$take", take);
        command.Parameters.AddWithValue("$skip", skip);
        var rows = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new AuditEntry(reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetInt64(3),
                Ticks.Read(reader, 4), reader.GetString(5), reader.GetString(6)));
        }

        return rows;
    }

    public async Task<string> DigestAsync(CancellationToken ct)
    {
        await using var connection = Open();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var query in ReadModelSchema.DigestQueries)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = query;
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                for (var i = 0; i < reader.FieldCount; i++) hash.AppendData(Encoding.UTF8.GetBytes($"{reader.GetValue(i)}\u001f"));
                hash.AppendData("\n"u8);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static ComponentInterval ReadComponent(SqliteDataReader r)
    {
        var unknownReason = r.IsDBNull(10) ? null : r.GetString(10);
        var key = r.GetString(7);
        var version = new ObservedVersion(r.GetString(4), r.GetString(5), r.GetString(6),
            key.Length == 0 ? VersionKey.Empty : new VersionKey(key.Split('.').Select(long.Parse).ToArray()),
            r.GetString(8), r.IsDBNull(9) ? null : Enum.Parse<Flavour>(r.GetString(9)), unknownReason, r.IsDBNull(11) ? null : r.GetString(11),
            r.IsDBNull(17) ? null : new MaintainedBy(r.GetString(17), r.GetString(18), r.IsDBNull(19) ? null : r.GetString(19)));
        return new ComponentInterval(r.GetString(1), Enum.Parse<ComponentKind>(r.GetString(2)), r.GetString(3), version,
            Ticks.Read(r, 12), r.IsDBNull(13) ? null : Ticks.Read(r, 13), new EvidenceRef(r.GetString(14), r.GetInt64(15), r.GetInt64(16)));
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? tx, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
