using System.Globalization;
using System.Text.Json;
using Compliance.Application.Serialization;
using Compliance.Domain.Events;
using Compliance.Domain.Verdicts;

namespace Compliance.Adapters.Sqlite.ReadModels;

/// <summary>The exceptions read model: each exception with its decision and the instant its subject changed, judged as of the last evaluation.</summary>
public sealed partial class SqliteReadModelStore
{
    public async Task<IReadOnlyList<ExceptionVerdict>> ExceptionsAsync(string? clusterId, CancellationToken ct)
    {
        await using var connection = Open();
        var evaluatedAt = await EvaluatedAtAsync(connection, ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT cluster_id, exception_id, subject, finding_json, component_json, reason, expires_on, requested_by, requested_at,
                   decided_by, decided_at, approved, decision_reason, lapsed_at, lapse_reason, evidence_json
            FROM exceptions WHERE ($cluster IS NULL OR cluster_id = $cluster) ORDER BY cluster_id, requested_at, exception_id
            """;
        command.Parameters.AddWithValue("$cluster", (object?)clusterId ?? DBNull.Value);
        var rows = new List<ExceptionVerdict>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var row = new ExceptionVerdict(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : JsonSerializer.Deserialize<AcceptedFinding>(reader.GetString(3), EventJson.Options),
                reader.IsDBNull(4) ? null : JsonSerializer.Deserialize<AcceptedComponent>(reader.GetString(4), EventJson.Options),
                reader.GetString(5), DateOnly.ParseExact(reader.GetString(6), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                reader.GetString(7), Ticks.Read(reader, 8), reader.IsDBNull(9) ? null : reader.GetString(9), reader.IsDBNull(10) ? null : Ticks.Read(reader, 10),
                reader.GetInt64(11) != 0, reader.IsDBNull(12) ? null : reader.GetString(12), reader.IsDBNull(13) ? null : Ticks.Read(reader, 13),
                reader.IsDBNull(14) ? null : reader.GetString(14), ExceptionStatus.Requested,
                JsonSerializer.Deserialize<List<EvidenceRef>>(reader.GetString(15), EventJson.Options)!);
            rows.Add(Exceptions.At(row, evaluatedAt) ?? row);
        }

        return rows;
    }
}
