using Compliance.Application.Store;

namespace Compliance.Testing;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task a_subscription_from_the_start_gets_history_then_live_events_in_order_without_gaps_or_repeats()
    {
        await Store.AppendAsync("history", ExpectedRevision.NoStream, Events(25), CancellationToken.None);

        var positions = await SubscribeWhileAppending(afterPosition: 0, appendedConcurrently: ConcurrentlyAppended);

        positions.ShouldBe(Enumerable.Range(1, 25 + (ConcurrentlyAppended)).Select(p => (long)p));
    }

    [Fact]
    public async Task a_subscription_from_a_checkpoint_starts_right_after_it()
    {
        await Store.AppendAsync("history", ExpectedRevision.NoStream, Events(25), CancellationToken.None);

        var positions = await SubscribeWhileAppending(afterPosition: 17, appendedConcurrently: ConcurrentlyAppended);

        positions.ShouldBe(Enumerable.Range(18, 25 - 17 + (ConcurrentlyAppended)).Select(p => (long)p));
    }

    [Fact]
    public async Task a_subscription_at_the_head_waits_for_the_next_append()
    {
        await Store.AppendAsync("s", ExpectedRevision.NoStream, Events(3), CancellationToken.None);
        using var cts = new CancellationTokenSource();
        var ct = Patience(cts);
        await using var subscription = Store.SubscribeToAllAsync(3, ct).GetAsyncEnumerator(ct);

        var next = subscription.MoveNextAsync().AsTask();
        await Store.AppendAsync("s", ExpectedRevision.Exact(2), Events(1), CancellationToken.None);

        (await next).ShouldBeTrue();
        subscription.Current.Position.ShouldBe(4);
    }

    /// <summary>Each of two writers appends 40 batches of 1 to 9 events.</summary>
    private static readonly int[] WriterBatchSizes = [.. Enumerable.Range(0, 40).Select(i => (i % 9) + 1)];

    private static int ConcurrentlyAppended => 2 * WriterBatchSizes.Sum();

    /// <summary>
    /// Two writers append to their own streams while a subscription reads; returns the positions the subscription
    /// delivered up to the last appended one.
    /// </summary>
    private async Task<List<long>> SubscribeWhileAppending(long afterPosition, int appendedConcurrently)
    {
        using var cts = new CancellationTokenSource();
        var ct = Patience(cts);
        var head = (await Store.ReadHeadAsync(ct)).Position;
        var expectedLast = head + appendedConcurrently;

        async Task Writer(string stream)
        {
            foreach (var size in WriterBatchSizes)
            {
                await Store.AppendAsync(stream, ExpectedRevision.Any, Events(size), ct);
                await Task.Yield();
            }
        }

        var delivered = new List<long>();
        var subscriber = Task.Run(async () =>
        {
            await foreach (var e in Store.SubscribeToAllAsync(afterPosition, ct))
            {
                delivered.Add(e.Position);
                if (e.Position >= expectedLast)
                {
                    break;
                }
            }
        }, ct);
        await Task.WhenAll(Task.Run(() => Writer("writer-a"), ct), Task.Run(() => Writer("writer-b"), ct));
        await subscriber;
        return delivered;
    }
}
