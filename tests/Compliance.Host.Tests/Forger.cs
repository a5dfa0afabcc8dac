using Compliance.Adapters.Sqlite.Events;
using Compliance.Application.Store;
using Microsoft.Data.Sqlite;

namespace Compliance.Host.Tests;

/// <summary>
/// What someone who owns the database file can do to the ledger, going around the store: cut events off, replace the
/// file, or rewrite its history with every hash recomputed so the chain is consistent again.
/// </summary>
internal static class Forger
{
    public static async Task<List<StoredEvent>> ReadAsync(string dir)
    {
        using var store = new SqliteEventStore(Ledger(dir), TimeProvider.System);
        return await store.ReadAllAsync(1, int.MaxValue, CancellationToken.None).ToListAsync();
    }

    public static void Execute(string dir, string sql)
    {
        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection($"Data Source={Ledger(dir)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Drops the append-only triggers and deletes the last <paramref name="count"/> events.</summary>
    public static void CutOff(string dir, int count) =>
        Execute(dir, $"DROP TRIGGER events_are_not_deleted; DELETE FROM events WHERE position > (SELECT max(position) - {count} FROM events)");

    /// <summary>
    /// Writes <paramref name="events"/> as the whole ledger with positions, revisions and hashes recomputed in order (a
    /// consistent chain that verify alone cannot tell from the original).
    /// </summary>
    public static async Task RechainAsync(string dir, IReadOnlyList<StoredEvent> events)
    {
        var revisions = new Dictionary<string, long>(StringComparer.Ordinal);
        var previous = HashChain.Genesis;
        var chained = new List<StoredEvent>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            var revision = revisions.TryGetValue(events[i].Stream, out var last) ? last + 1 : 0;
            revisions[events[i].Stream] = revision;
            var e = events[i] with { Position = i + 1, Revision = revision, PreviousHash = previous };
            e = e with { Hash = HashChain.Compute(e, previous) };
            chained.Add(e);
            previous = e.Hash;
        }

        SqliteConnection.ClearAllPools();
        var file = Ledger(dir);
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(file + suffix);
        using var store = new SqliteEventStore(file, TimeProvider.System);
        for (var i = 0; i < chained.Count; i += 500) await store.ImportAsync(chained.Skip(i).Take(500).ToList(), CancellationToken.None);
    }

    public static string Ledger(string dir) => Path.Combine(dir, "ledger.db");
}
