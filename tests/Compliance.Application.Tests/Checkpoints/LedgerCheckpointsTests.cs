using Compliance.Adapters.Sqlite.Events;
using Compliance.Application.Checkpoints;
using Compliance.Application.Handling;
using Compliance.Application.Store;
using Compliance.Application.Tests.Store;
using Compliance.Domain.Deciders;
using Microsoft.Data.Sqlite;

namespace Compliance.Application.Tests.Checkpoints;

public sealed class LedgerCheckpointsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("compliance-checkpoints-").FullName;
    private readonly LedgerFixtures.SettableClock clock = new(LedgerFixtures.Start.AddDays(1));
    private readonly SqliteEventStore store;
    private readonly CommandHandler handler;
    private readonly CheckpointKeySource keys;
    private readonly LedgerCheckpoints checkpoints;

    public LedgerCheckpointsTests()
    {
        store = new SqliteEventStore(Path.Combine(folder, "ledger.db"), clock);
        handler = new CommandHandler(store);
        keys = new CheckpointKeySource(null, Path.Combine(folder, "checkpoint-key.pem"));
        checkpoints = new LedgerCheckpoints(store, handler, keys, clock);
    }

    [Fact]
    public async Task the_head_is_signed_recorded_and_not_signed_again_while_nothing_follows_it()
    {
        await store.ImportAsync(LedgerFixtures.Chain(20), CancellationToken.None);

        var first = (await checkpoints.TakeAsync("test", CancellationToken.None)).ShouldNotBeNull();
        var again = await checkpoints.TakeAsync("test", CancellationToken.None);

        keys.Created.ShouldBeTrue();
        first.Position.ShouldBe(20);
        CheckpointSignature.Problem(first, keys.Key.PublicKeyPem).ShouldBeNull();
        again.ShouldBe(first);
        var recorded = await store.ReadStreamAsync(Streams.Checkpoints, Direction.Forwards, 0, 10, CancellationToken.None).ToListAsync();
        recorded.Count.ShouldBe(1);
        recorded[0].Type.ShouldBe("V1.LedgerCheckpointed");
        (await HashChainVerifier.VerifyLedgerAsync(store, CancellationToken.None)).Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task serve_signs_after_so_many_events_or_so_many_minutes()
    {
        await store.ImportAsync(LedgerFixtures.Chain(20), CancellationToken.None);
        var started = clock.Now;

        (await checkpoints.TakeIfDueAsync(50, TimeSpan.FromHours(1), started, "test", CancellationToken.None)).ShouldBeNull();
        (await checkpoints.TakeIfDueAsync(20, TimeSpan.FromHours(1), started, "test", CancellationToken.None)).ShouldNotBeNull().Position.ShouldBe(20);
        await store.AppendAsync("observations-c3", ExpectedRevision.NoStream, [LedgerFixtures.Removed(99)], CancellationToken.None);
        (await checkpoints.TakeIfDueAsync(20, TimeSpan.FromHours(1), started, "test", CancellationToken.None)).ShouldBeNull();
        clock.Now = clock.Now.AddMinutes(61);
        (await checkpoints.TakeIfDueAsync(20, TimeSpan.FromHours(1), started, "test", CancellationToken.None)).ShouldNotBeNull().Position.ShouldBe(22);
    }

    [Fact]
    public async Task a_ledger_that_no_longer_extends_its_own_checkpoint_is_never_signed_again()
    {
        await store.ImportAsync(LedgerFixtures.Chain(20), CancellationToken.None);
        var signed = (await checkpoints.TakeAsync("test", CancellationToken.None)).ShouldNotBeNull();
        await store.AppendAsync("observations-c3", ExpectedRevision.NoStream, [LedgerFixtures.Removed(99)], CancellationToken.None);
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "ledger.db")};Pooling=False"))
        {
            connection.Open();
            using var edit = connection.CreateCommand();
            edit.CommandText = $"DROP TRIGGER events_are_not_updated; UPDATE events SET hash = '{new string('e', 64)}' WHERE position = {signed.Position}";
            edit.ExecuteNonQuery();
        }

        var error = await Should.ThrowAsync<LedgerIntegrityException>(() => checkpoints.TakeAsync("test", CancellationToken.None));

        error.Message.ShouldContain($"the ledger no longer extends its own checkpoint at position {signed.Position}");
    }

    [Fact]
    public async Task a_position_checkpointed_again_with_another_hash_is_refused()
    {
        await store.ImportAsync(LedgerFixtures.Chain(5), CancellationToken.None);
        var signed = (await checkpoints.TakeAsync("test", CancellationToken.None)).ShouldNotBeNull();

        var forged = keys.Key.Sign(signed.Position, new string('d', 64), signed.RecordedAt);

        (await Should.ThrowAsync<LedgerIntegrityException>(() => checkpoints.RecordAsync(forged, "mallory", CancellationToken.None)))
            .Message.ShouldContain("the ledger was rewritten after it was signed");
    }

    public void Dispose()
    {
        handler.Dispose();
        store.Dispose();
        keys.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
