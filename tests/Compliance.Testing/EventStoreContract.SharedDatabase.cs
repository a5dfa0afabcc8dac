using Compliance.Application.Store;

namespace Compliance.Testing;

/// <summary>A database the ledger shares with other applications: their events are never the ledger's, wherever they fall.</summary>
public abstract partial class EventStoreContract
{
    [Fact]
    public async Task the_head_is_found_past_many_events_of_other_applications()
    {
        using var cts = new CancellationTokenSource();
        var ct = Patience(cts);
        await Store.AppendAsync("a", ExpectedRevision.NoStream, Events(3), ct);
        var last = (await ReadAll())[^1];
        await WriteForeignEventsAsync(150, ct);

        (await Store.ReadHeadAsync(ct)).ShouldBe((3L, last.Hash));
        var next = await Store.AppendAsync("b", ExpectedRevision.NoStream, Events(1), ct);

        next.Positions.ShouldBe([4L]);
        await ShouldVerifyAsync(Store, 4, ct);
    }

    [Fact]
    public async Task reading_all_in_pages_advances_past_a_long_run_of_events_of_other_applications()
    {
        using var cts = new CancellationTokenSource();
        var ct = Patience(cts);
        await Store.AppendAsync("a", ExpectedRevision.NoStream, Events(2), ct);
        await WriteForeignEventsAsync(2_500, ct);
        await Store.AppendAsync("a", ExpectedRevision.Exact(1), Events(2), ct);
        await WriteForeignEventsAsync(10, ct);

        (await Store.ReadAllAsync(1, 1_000, ct).ToListAsync(ct)).Select(e => e.Position).ShouldBe([1L, 2L, 3L, 4L]);
        (await Store.ReadAllAsync(3, 1, ct).ToListAsync(ct)).Select(e => e.Position).ShouldBe([3L]);
        (await Store.ReadAllAsync(5, 1_000, ct).ToListAsync(ct)).ShouldBeEmpty();
        await ShouldVerifyAsync(Store, 4, ct, pageSize: 1);
    }

    [Fact]
    public async Task events_of_other_applications_never_appear_in_reads_or_subscriptions()
    {
        using var cts = new CancellationTokenSource();
        var ct = Patience(cts);
        await WriteForeignEventsAsync(20, ct);
        await Store.AppendAsync("s", ExpectedRevision.NoStream, Events(2), ct);
        await WriteForeignEventsAsync(20, ct);
        await using var subscription = Store.SubscribeToAllAsync(0, ct).GetAsyncEnumerator(ct);

        (await ReadAll()).Select(e => (e.Position, e.Stream)).ShouldBe([(1L, "s"), (2L, "s")]);
        (await ReadStream("s")).Count.ShouldBe(2);
        (await subscription.MoveNextAsync()).ShouldBeTrue();
        subscription.Current.Position.ShouldBe(1);
        (await subscription.MoveNextAsync()).ShouldBeTrue();
        subscription.Current.Position.ShouldBe(2);
        var next = subscription.MoveNextAsync().AsTask();
        await WriteForeignEventsAsync(5, ct);
        await Store.AppendAsync("s", ExpectedRevision.Exact(1), Events(1), ct);
        (await next).ShouldBeTrue();
        (subscription.Current.Position, subscription.Current.Stream).ShouldBe((3L, "s"));
    }
}
