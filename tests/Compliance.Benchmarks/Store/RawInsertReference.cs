using System.Globalization;
using Compliance.Adapters.Sqlite.Events;
using Compliance.Application.Store;
using Microsoft.Data.Sqlite;

namespace Compliance.Benchmarks.Store;

/// <summary>
/// The floor the store is measured against: the same rows into an identical table with the same pragmas, through one
/// prepared INSERT, one transaction per batch; no look-ups, no hashing, no JSON work.
/// </summary>
internal static class RawInsertReference
{
    private static readonly string FakeHash = new('a', 64);

    public static void Run(string path, IReadOnlyList<EventToAppend> events, int batchSize, SqliteSynchronous synchronous, CancellationToken ct)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using (var setup = connection.CreateCommand())
        {
            setup.CommandText = synchronous == SqliteSynchronous.Full
                ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA wal_autocheckpoint=10000;"
                : "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=10000;";
            setup.ExecuteNonQuery();
            setup.CommandText = EventsSql.Schema;
            setup.ExecuteNonQuery();
        }

        using var insert = connection.CreateCommand();
        insert.CommandText = EventsSql.Insert;
        var names = new[]
        {
            "$position", "$event_id", "$stream", "$revision", "$type", "$schema_version", "$recorded_at",
            "$actor", "$correlation_id", "$causation_id", "$json", "$previous_hash", "$hash",
        };
        var p = names.Select(n => insert.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        var recordedAt = DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        var revisions = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var start = 0; start < events.Count; start += batchSize)
        {
            ct.ThrowIfCancellationRequested();
            var stream = StoreBench.StreamOf(start / batchSize);
            var revision = revisions.GetValueOrDefault(stream, -1);
            using var tx = connection.BeginTransaction(deferred: false);
            insert.Transaction = tx;
            for (var i = start; i < Math.Min(start + batchSize, events.Count); i++)
            {
                var e = events[i];
                p[0].Value = i + 1L;
                p[1].Value = e.EventId.ToString("D");
                p[2].Value = stream;
                p[3].Value = ++revision;
                p[4].Value = e.Type;
                p[5].Value = e.SchemaVersion;
                p[6].Value = recordedAt;
                p[7].Value = e.Metadata.Actor;
                p[8].Value = e.Metadata.CorrelationId.ToString("D");
                p[9].Value = e.Metadata.CausationId.ToString("D");
                p[10].Value = e.Json;
                p[11].Value = FakeHash;
                p[12].Value = FakeHash;
                insert.ExecuteNonQuery();
            }

            tx.Commit();
            revisions[stream] = revision;
        }
    }
}
