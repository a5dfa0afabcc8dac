using Compliance.Adapters.Sqlite.Events;
using Compliance.Application.Store;
using Microsoft.Data.Sqlite;

namespace Compliance.Adapters.Sqlite.Tests;

/// <summary>Someone with the file edits it with plain SQL, going around the store: the chain says where.</summary>
public sealed class TamperTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string Database => _folder.File("ledger.db");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task the_store_refuses_updates_and_deletes_through_sql()
    {
        await Seed();

        Should.Throw<SqliteException>(() => Execute("UPDATE events SET json = '{}' WHERE position = 3")).Message.ShouldContain("append-only");
        Should.Throw<SqliteException>(() => Execute("DELETE FROM events WHERE position = 3")).Message.ShouldContain("append-only");
    }

    [Fact]
    public async Task an_altered_payload_is_reported_at_its_position_stream_and_id()
    {
        var seeded = await Seed();
        var victim = seeded.Single(e => e.Position == 7);

        Execute("DROP TRIGGER events_are_not_updated", "UPDATE events SET json = '{\"n\":999}' WHERE position = 7");

        var result = await Verify();
        result.Verified.ShouldBe(6);
        result.FirstBreak.ShouldNotBeNull();
        result.FirstBreak.Position.ShouldBe(7);
        result.FirstBreak.Stream.ShouldBe(victim.Stream);
        result.FirstBreak.EventId.ShouldBe(victim.EventId);
        result.FirstBreak.Kind.ShouldBe(ChainBreakKind.HashMismatch);
    }

    [Fact]
    public async Task an_altered_payload_with_its_own_hash_rewritten_breaks_the_next_link()
    {
        var seeded = await Seed();
        var victim = seeded.Single(e => e.Position == 7);
        var forged = HashChain.Compute(victim with { Json = "{\"n\":999}" }, victim.PreviousHash);

        Execute("DROP TRIGGER events_are_not_updated");
        using (var connection = Open())
        using (var update = connection.CreateCommand())
        {
            update.CommandText = "UPDATE events SET json = '{\"n\":999}', hash = $hash WHERE position = 7";
            update.Parameters.AddWithValue("$hash", forged);
            update.ExecuteNonQuery();
        }

        var result = await Verify();
        result.FirstBreak.ShouldNotBeNull();
        result.FirstBreak.Position.ShouldBe(8);
        result.FirstBreak.Kind.ShouldBe(ChainBreakKind.BrokenLink);
    }

    [Fact]
    public async Task a_deleted_event_is_reported_as_a_gap_at_the_event_after_it()
    {
        var seeded = await Seed();
        var next = seeded.Single(e => e.Position == 6);

        Execute("DROP TRIGGER events_are_not_deleted", "DELETE FROM events WHERE position = 5");

        var result = await Verify();
        result.Verified.ShouldBe(4);
        result.HeadPosition.ShouldBe(4);
        result.FirstBreak.ShouldNotBeNull();
        result.FirstBreak.Position.ShouldBe(6);
        result.FirstBreak.EventId.ShouldBe(next.EventId);
        result.FirstBreak.Stream.ShouldBe(next.Stream);
        result.FirstBreak.Kind.ShouldBe(ChainBreakKind.PositionGap);
        result.FirstBreak.Detail.ShouldContain("expected position 5");
    }

    private async Task<List<StoredEvent>> Seed()
    {
        using var store = new SqliteEventStore(Database, TimeProvider.System);
        await store.AppendAsync("cluster-a", ExpectedRevision.NoStream, SqliteTestEvents.Events(4), CancellationToken.None);
        await store.AppendAsync("cluster-b", ExpectedRevision.NoStream, SqliteTestEvents.Events(4), CancellationToken.None);
        await store.AppendAsync("cluster-a", ExpectedRevision.Exact(3), SqliteTestEvents.Events(2), CancellationToken.None);
        (await HashChainVerifier.VerifyAsync(store, CancellationToken.None)).Intact.ShouldBeTrue();
        return await store.ReadAllAsync(1, int.MaxValue, CancellationToken.None).ToListAsync();
    }

    private async Task<ChainVerification> Verify()
    {
        using var store = new SqliteEventStore(Database, TimeProvider.System);
        return await HashChainVerifier.VerifyAsync(store, pageSize: 3, CancellationToken.None);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Database, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private void Execute(params string[] statements)
    {
        using var connection = Open();
        foreach (var sql in statements)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }
}
