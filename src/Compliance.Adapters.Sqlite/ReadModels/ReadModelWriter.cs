using System.Text.Json;
using Compliance.Application.ReadModels;
using Compliance.Application.Serialization;
using Compliance.Domain.Verdicts;
using Microsoft.Data.Sqlite;

namespace Compliance.Adapters.Sqlite.ReadModels;

/// <summary>The writes of one projection transaction: a cluster's component rows rewritten where they changed (ReadModelWriter.Components), its patches and findings replaced whole; audit lines through one prepared insert.</summary>
internal sealed partial class ReadModelWriter(SqliteConnection connection, SqliteTransaction tx) : IDisposable
{
    private AuditLogInsert? auditInsert;
    private SqliteCommand? catalogInsert;

    public void Dispose()
    {
        auditInsert?.Dispose();
        catalogInsert?.Dispose();
    }

    /// <summary>
    /// Replaces the cluster's rows. Component rows are compared with <paramref name="previous"/>, what this store wrote
    /// for the cluster last (when it knows no other writer came since): only the intervals that changed or are new are
    /// written, since a cluster of 5,000 nodes has some 30,000 and a batch of observations changes a few.
    /// </summary>
    public WrittenComponents Replace(ClusterReadModel model, WrittenComponents? previous)
    {
        var id = model.Cluster.ClusterId;
        foreach (var table in new[] { "DELETE FROM clusters WHERE cluster_id = $id", "DELETE FROM patches WHERE cluster_id = $id", "DELETE FROM findings WHERE cluster_id = $id",
                     "DELETE FROM exceptions WHERE cluster_id = $id" })
        {
            Run(table, ("$id", id));
        }

        if (previous is null) Run("DELETE FROM components WHERE cluster_id = $id", ("$id", id));

        var c = model.Cluster;
        Run("""
            INSERT INTO clusters (cluster_id, display_name, environment, owner_team, flavour, staging_cluster_id, policy_json, registered_at, drain_estimate_seconds)
            VALUES ($id, $name, $env, $team, $flavour, $staging, $policy, $registered, $drain)
            """,
            ("$id", id), ("$name", c.DisplayName), ("$env", c.Environment), ("$team", c.OwnerTeam), ("$flavour", c.Flavour.ToString()),
            ("$staging", (object?)c.StagingClusterId ?? DBNull.Value), ("$policy", JsonSerializer.Serialize(c.Policy, EventJson.Options)),
            ("$registered", c.RegisteredAt.UtcTicks), ("$drain", model.EstimatedDrainTime.TotalSeconds));

        var written = WriteComponents(id, model.Components, previous);

        using (var insert = Prepare("""
            INSERT INTO patches (cluster_id, kind, product, cycle, patch, released_at, day_only, clock_from, critical, due_at, applied_at, ev_stream, ev_revision, ev_position)
            VALUES ($id, $kind, $product, $cycle, $patch, $released, $dayonly, $clock, $critical, $due, $applied, $stream, $revision, $position)
            """, "$id", "$kind", "$product", "$cycle", "$patch", "$released", "$dayonly", "$clock", "$critical", "$due", "$applied", "$stream", "$revision", "$position"))
        {
            foreach (var p in model.Patches)
            {
                Bind(insert, id, p.Kind.ToString(), p.Product, p.Cycle, p.Patch, p.ReleasedAt.UtcTicks, p.DayOnly ? 1 : 0, p.ClockFrom.UtcTicks,
                    p.Critical ? 1 : 0, p.DueAt.UtcTicks,
                    Ticks.Of(p.AppliedAt), (object?)p.Evidence?.Stream ?? DBNull.Value, (object?)p.Evidence?.Revision ?? DBNull.Value,
                    (object?)p.Evidence?.Position ?? DBNull.Value);
            }
        }

        using (var insert = Prepare("""
            INSERT INTO findings (cluster_id, kind, subject, detail, detected_at, resolved_at, evidence_json, owner, due_at)
            VALUES ($id, $kind, $subject, $detail, $detected, $resolved, $evidence, $owner, $due)
            """, "$id", "$kind", "$subject", "$detail", "$detected", "$resolved", "$evidence", "$owner", "$due"))
        {
            foreach (var f in model.Findings)
            {
                Bind(insert, id, f.Kind.ToString(), f.Subject, f.Detail, f.DetectedAt.UtcTicks, Ticks.Of(f.ResolvedAt),
                    JsonSerializer.Serialize(f.Evidence, EventJson.Options), f.Owner, Ticks.Of(f.DueAt));
            }
        }

        WriteExceptions(id, model.Exceptions);

        return written;
    }

    private void WriteExceptions(string id, IReadOnlyList<ExceptionVerdict> exceptions)
    {
        using var insert = Prepare("""
            INSERT INTO exceptions (cluster_id, exception_id, subject, finding_json, component_json, reason, expires_on, requested_by, requested_at,
                                    decided_by, decided_at, approved, decision_reason, lapsed_at, lapse_reason, evidence_json)
            VALUES ($id, $exception, $subject, $finding, $component, $reason, $expires, $by, $at, $decidedBy, $decidedAt, $approved, $why, $lapsed, $lapse, $evidence)
            """, "$id", "$exception", "$subject", "$finding", "$component", "$reason", "$expires", "$by", "$at", "$decidedBy", "$decidedAt", "$approved",
            "$why", "$lapsed", "$lapse", "$evidence");
        foreach (var x in exceptions)
        {
            Bind(insert, id, x.ExceptionId, x.Subject,
                x.Finding is null ? DBNull.Value : JsonSerializer.Serialize(x.Finding, EventJson.Options),
                x.Component is null ? DBNull.Value : JsonSerializer.Serialize(x.Component, EventJson.Options),
                x.Reason, x.ExpiresOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), x.RequestedBy, x.RequestedAt.UtcTicks,
                (object?)x.DecidedBy ?? DBNull.Value, Ticks.Of(x.DecidedAt), x.Approved ? 1 : 0, (object?)x.DecisionReason ?? DBNull.Value,
                Ticks.Of(x.LapsedAt), (object?)x.LapseReason ?? DBNull.Value, JsonSerializer.Serialize(x.Evidence, EventJson.Options));
        }
    }

    public void Append(AuditEntry e)
    {
        auditInsert ??= new AuditLogInsert(connection);
        auditInsert.Insert(e);
    }

    public void Append(CatalogFactRow f)
    {
        catalogInsert ??= Prepare("""
            INSERT OR REPLACE INTO catalog_facts (position, type, json, recorded_at) VALUES ($position, $type, $json, $at)
            """, "$position", "$type", "$json", "$at");
        Bind(catalogInsert, f.Position, f.Type, f.Json, f.RecordedAt.UtcTicks);
    }

    /// <summary>True when the last writer of cluster rows was the store holding <paramref name="token"/>.</summary>
    public bool LastWriterWas(string token)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "SELECT token FROM writer WHERE id = 1";
        return command.ExecuteScalar() is string last && last == token;
    }

    public void SetWriter(string token) => Run("""
        INSERT INTO writer (id, token) VALUES (1, $token) ON CONFLICT (id) DO UPDATE SET token = excluded.token
        """, ("$token", token));

    public void SetCheckpoint(long position, string? hash, DateTimeOffset evaluatedAt) => Run("""
        INSERT INTO checkpoint (id, position, evaluated_at, hash) VALUES (1, $position, $at, $hash)
        ON CONFLICT (id) DO UPDATE SET position = excluded.position, evaluated_at = excluded.evaluated_at, hash = excluded.hash
        """, ("$position", position), ("$at", evaluatedAt.UtcTicks), ("$hash", (object?)hash ?? DBNull.Value));

    private void Run(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        command.ExecuteNonQuery();
    }

    private SqliteCommand Prepare(string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var name in names) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        command.Prepare();
        return command;
    }

    private static void Bind(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        command.ExecuteNonQuery();
    }

    private static long BindReturningRowId(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        return (long)command.ExecuteScalar()!;
    }
}
