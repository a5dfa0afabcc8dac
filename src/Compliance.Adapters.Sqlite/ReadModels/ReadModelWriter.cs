using System.Text.Json;
using Compliance.Application.ReadModels;
using Compliance.Application.Serialization;
using Compliance.Domain.Verdicts;
using Microsoft.Data.Sqlite;

namespace Compliance.Adapters.Sqlite.ReadModels;

/// <summary>The writes of one projection transaction: a cluster's rows are replaced whole; audit lines use one prepared insert.</summary>
internal sealed class ReadModelWriter(SqliteConnection connection, SqliteTransaction tx) : IDisposable
{
    private SqliteCommand? auditInsert;
    private SqliteCommand? catalogInsert;

    public void Dispose()
    {
        auditInsert?.Dispose();
        catalogInsert?.Dispose();
    }

    public void Replace(ClusterReadModel model)
    {
        var id = model.Cluster.ClusterId;
        foreach (var table in new[] { "DELETE FROM clusters WHERE cluster_id = $id", "DELETE FROM components WHERE cluster_id = $id",
                     "DELETE FROM patches WHERE cluster_id = $id", "DELETE FROM findings WHERE cluster_id = $id" })
        {
            Run(table, ("$id", id));
        }

        var c = model.Cluster;
        Run("""
            INSERT INTO clusters (cluster_id, display_name, environment, owner_team, flavour, staging_cluster_id, policy_json, registered_at, drain_estimate_seconds)
            VALUES ($id, $name, $env, $team, $flavour, $staging, $policy, $registered, $drain)
            """,
            ("$id", id), ("$name", c.DisplayName), ("$env", c.Environment), ("$team", c.OwnerTeam), ("$flavour", c.Flavour.ToString()),
            ("$staging", (object?)c.StagingClusterId ?? DBNull.Value), ("$policy", JsonSerializer.Serialize(c.Policy, EventJson.Options)),
            ("$registered", c.RegisteredAt.UtcTicks), ("$drain", model.EstimatedDrainTime.TotalSeconds));

        using (var insert = Prepare("""
            INSERT INTO components (cluster_id, component_id, kind, node, raw, product, cycle, version_key, normalized, flavour, unknown_reason, build,
                                    valid_from, valid_to, ev_stream, ev_revision, ev_position)
            VALUES ($id, $component, $kind, $node, $raw, $product, $cycle, $key, $normalized, $flavour, $unknown, $build, $from, $to, $stream, $revision, $position)
            """, "$id", "$component", "$kind", "$node", "$raw", "$product", "$cycle", "$key", "$normalized", "$flavour", "$unknown", "$build",
            "$from", "$to", "$stream", "$revision", "$position"))
        {
            foreach (var x in model.Components)
            {
                var v = x.Version;
                Bind(insert, id, x.ComponentId, x.Kind.ToString(), x.Node, v.Raw, v.Product, v.Cycle, v.Key.ToString(), v.Normalized,
                    (object?)v.Flavour?.ToString() ?? DBNull.Value, (object?)v.UnknownReason ?? DBNull.Value, (object?)v.Build ?? DBNull.Value,
                    x.From.UtcTicks, Ticks.Of(x.To), x.Evidence.Stream, x.Evidence.Revision, x.Evidence.Position);
            }
        }

        using (var insert = Prepare("""
            INSERT INTO patches (cluster_id, kind, product, cycle, patch, released_at, critical, due_at, applied_at, ev_stream, ev_revision, ev_position)
            VALUES ($id, $kind, $product, $cycle, $patch, $released, $critical, $due, $applied, $stream, $revision, $position)
            """, "$id", "$kind", "$product", "$cycle", "$patch", "$released", "$critical", "$due", "$applied", "$stream", "$revision", "$position"))
        {
            foreach (var p in model.Patches)
            {
                Bind(insert, id, p.Kind.ToString(), p.Product, p.Cycle, p.Patch, p.ReleasedAt.UtcTicks, p.Critical ? 1 : 0, p.DueAt.UtcTicks,
                    Ticks.Of(p.AppliedAt), (object?)p.Evidence?.Stream ?? DBNull.Value, (object?)p.Evidence?.Revision ?? DBNull.Value,
                    (object?)p.Evidence?.Position ?? DBNull.Value);
            }
        }

        using (var insert = Prepare("""
            INSERT INTO findings (cluster_id, kind, subject, detail, detected_at, resolved_at, evidence_json)
            VALUES ($id, $kind, $subject, $detail, $detected, $resolved, $evidence)
            """, "$id", "$kind", "$subject", "$detail", "$detected", "$resolved", "$evidence"))
        {
            foreach (var f in model.Findings)
            {
                Bind(insert, id, f.Kind.ToString(), f.Subject, f.Detail, f.DetectedAt.UtcTicks, Ticks.Of(f.ResolvedAt),
                    JsonSerializer.Serialize(f.Evidence, EventJson.Options));
            }
        }
    }

    public void Append(AuditEntry e)
    {
        auditInsert ??= Prepare("""
            INSERT OR REPLACE INTO audit_log (position, cluster_id, stream, revision, recorded_at, actor, text)
            VALUES ($position, $cluster, $stream, $revision, $at, $actor, $text)
            """, "$position", "$cluster", "$stream", "$revision", "$at", "$actor", "$text");
        Bind(auditInsert, e.Position, e.ClusterId, e.Stream, e.Revision, e.RecordedAt.UtcTicks, e.Actor, e.Text);
    }

    public void Append(CatalogFactRow f)
    {
        catalogInsert ??= Prepare("""
            INSERT OR REPLACE INTO catalog_facts (position, type, json, recorded_at) VALUES ($position, $type, $json, $at)
            """, "$position", "$type", "$json", "$at");
        Bind(catalogInsert, f.Position, f.Type, f.Json, f.RecordedAt.UtcTicks);
    }

    public void SetCheckpoint(long position, DateTimeOffset evaluatedAt) => Run("""
        INSERT INTO checkpoint (id, position, evaluated_at) VALUES (1, $position, $at)
        ON CONFLICT (id) DO UPDATE SET position = excluded.position, evaluated_at = excluded.evaluated_at
        """, ("$position", position), ("$at", evaluatedAt.UtcTicks));

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
}
