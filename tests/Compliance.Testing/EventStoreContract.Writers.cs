using Compliance.Application.Store;

namespace Compliance.Testing;

/// <summary>Several store instances on one database, as several processes (or a restarted one) would open it.</summary>
public abstract partial class EventStoreContract
{
    [Fact]
    public async Task two_stores_appending_concurrently_on_one_database_keep_one_chain()
    {
        using var cts = new CancellationTokenSource();
        var ct = Patience(cts);
        var other = Another();
        var appendedToShared = new int[2];

        async Task Writer(IEventStore store, int writer)
        {
            for (var i = 0; i < 30; i++)
            {
                await store.AppendAsync($"w{writer}-{i % 3}", ExpectedRevision.Any, Events((i % 5) + 1), ct);
                // Both race on one stream with the revision each last read: the loser is refused and reads again.
                while (true)
                {
                    var revision = await LastRevisionAsync(store, "shared", ct);
                    try
                    {
                        await store.AppendAsync("shared", ExpectedRevision.From(revision), [Event(writer)], ct);
                        appendedToShared[writer]++;
                        break;
                    }
                    catch (WrongExpectedRevisionException)
                    {
                    }
                }
            }
        }

        await Task.WhenAll(Task.Run(() => Writer(Store, 0), ct), Task.Run(() => Writer(other, 1), ct));

        var perWriter = 2 * (Enumerable.Range(0, 30).Sum(i => (i % 5) + 1) + 30);
        var all = await ReadAll();
        all.Select(e => e.Position).ShouldBe(Enumerable.Range(1, perWriter).Select(p => (long)p));
        all.Select(e => e.EventId).Distinct().Count().ShouldBe(perWriter);
        (await ReadStream("shared")).Select(e => e.Revision).ShouldBe(Enumerable.Range(0, 60).Select(r => (long)r));
        appendedToShared.ShouldBe([30, 30]);
        await ShouldVerifyAsync(Store, perWriter, ct);
        await ShouldVerifyAsync(other, perWriter, ct);
    }

    [Fact]
    public async Task a_store_that_missed_another_stores_append_is_refused_by_revision_and_then_extends_it()
    {
        var other = Another();
        await other.ReadHeadAsync(CancellationToken.None);
        await other.AppendAsync("elsewhere", ExpectedRevision.NoStream, Events(1), CancellationToken.None);
        await Store.AppendAsync("s", ExpectedRevision.NoStream, Events(2), CancellationToken.None);

        var error = await Should.ThrowAsync<WrongExpectedRevisionException>(
            () => other.AppendAsync("s", ExpectedRevision.NoStream, Events(1), CancellationToken.None));
        var result = await other.AppendAsync("s", ExpectedRevision.Exact(1), Events(1), CancellationToken.None);

        error.Actual.ShouldBe(1);
        result.NextExpectedRevision.ShouldBe(2);
        result.Positions.ShouldBe([4L]);
        await ShouldVerifyAsync(Store, 4, CancellationToken.None);
    }

    [Fact]
    public async Task an_id_stored_through_one_store_is_known_to_another_on_the_same_database()
    {
        var other = Another();
        await other.ReadHeadAsync(CancellationToken.None);
        var original = Event(1);
        var first = await Store.AppendAsync("s-1", ExpectedRevision.NoStream, [original], CancellationToken.None);

        await Should.ThrowAsync<EventIdConflictException>(
            () => other.AppendAsync("s-2", ExpectedRevision.Any, [original], CancellationToken.None));
        var again = await other.AppendAsync("s-1", ExpectedRevision.Any, [original], CancellationToken.None);

        again.Positions.ShouldBe(first.Positions);
        (await ReadAll()).Select(e => e.EventId).ShouldBe([original.EventId]);
    }

    [Fact]
    public async Task a_store_opened_afresh_answers_ids_it_never_saw_appended_with_their_original_positions()
    {
        var batch = Events(3);
        var first = await Store.AppendAsync("s-1", ExpectedRevision.Any, batch, CancellationToken.None);
        await Store.AppendAsync("s-2", ExpectedRevision.Any, Events(2), CancellationToken.None);

        var again = await Another().AppendAsync("s-1", ExpectedRevision.Any, batch, CancellationToken.None);

        again.Positions.ShouldBe(first.Positions);
        again.NextExpectedRevision.ShouldBe(2);
        (await ReadAll()).Count.ShouldBe(5);
    }

    [Fact]
    public async Task a_subscription_of_one_store_delivers_what_another_store_appends()
    {
        using var cts = new CancellationTokenSource();
        var ct = Patience(cts);
        var writer = Another();
        await writer.AppendAsync("s", ExpectedRevision.NoStream, Events(3), ct);

        var delivered = new List<long>();
        var subscription = Task.Run(async () =>
        {
            await foreach (var e in Store.SubscribeToAllAsync(0, ct))
            {
                delivered.Add(e.Position);
                if (e.Position == 30) break;
            }
        }, ct);
        for (var i = 0; i < 9; i++) await writer.AppendAsync("s", ExpectedRevision.Any, Events(3), ct);

        await subscription;
        delivered.ShouldBe(Enumerable.Range(1, 30).Select(p => (long)p));
    }

    private static async Task<long?> LastRevisionAsync(IEventStore store, string stream, CancellationToken ct)
    {
        await foreach (var last in store.ReadStreamAsync(stream, Direction.Backwards, long.MaxValue, 1, ct)) return last.Revision;
        return null;
    }
}
