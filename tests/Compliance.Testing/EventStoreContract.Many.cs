using Compliance.Application.Store;

namespace Compliance.Testing;

/// <summary>AppendManyAsync: several streams in one call, each treated as a single-stream append, all or nothing.</summary>
public abstract partial class EventStoreContract
{
    [Fact]
    public async Task appending_several_streams_at_once_stores_them_in_the_order_given_as_one_run_of_the_chain()
    {
        await Store.AppendAsync("a", ExpectedRevision.NoStream, Events(2), CancellationToken.None);

        var results = await Store.AppendManyAsync(
        [
            new StreamAppend("a", ExpectedRevision.Exact(1), Events(3)),
            new StreamAppend("b", ExpectedRevision.NoStream, Events(2)),
            new StreamAppend("c", ExpectedRevision.Any, Events(1)),
        ], CancellationToken.None);

        results.Select(r => r.NextExpectedRevision).ShouldBe([4L, 1L, 0L]);
        results.SelectMany(r => r.Positions).ShouldBe([3L, 4L, 5L, 6L, 7L, 8L]);
        (await ReadAll(3)).Select(e => (e.Stream, e.Revision)).ShouldBe([("a", 2L), ("a", 3L), ("a", 4L), ("b", 0L), ("b", 1L), ("c", 0L)]);
        await ShouldVerifyAsync(Store, 8, CancellationToken.None);
    }

    [Fact]
    public async Task a_wrong_revision_in_the_last_stream_writes_nothing_of_the_call()
    {
        await Store.AppendAsync("b", ExpectedRevision.NoStream, Events(1), CancellationToken.None);
        var head = await Store.ReadHeadAsync(CancellationToken.None);

        var error = await Should.ThrowAsync<WrongExpectedRevisionException>(() => Store.AppendManyAsync(
        [
            new StreamAppend("a", ExpectedRevision.NoStream, Events(2)),
            new StreamAppend("b", ExpectedRevision.NoStream, Events(1)),
        ], CancellationToken.None));

        error.Stream.ShouldBe("b");
        error.Actual.ShouldBe(0);
        (await Store.ReadHeadAsync(CancellationToken.None)).ShouldBe(head);
        (await ReadStream("a")).ShouldBeEmpty();
    }

    [Fact]
    public async Task a_conflicting_id_in_one_stream_writes_nothing_of_the_call_and_names_that_stream()
    {
        var original = Event(1);
        await Store.AppendAsync("b", ExpectedRevision.NoStream, [original], CancellationToken.None);
        var head = await Store.ReadHeadAsync(CancellationToken.None);

        var error = await Should.ThrowAsync<EventIdConflictException>(() => Store.AppendManyAsync(
        [
            new StreamAppend("a", ExpectedRevision.Any, Events(2)),
            new StreamAppend("b", ExpectedRevision.Any, [original, Event(2)]),
        ], CancellationToken.None));

        error.Stream.ShouldBe("b");
        (await Store.ReadHeadAsync(CancellationToken.None)).ShouldBe(head);
    }

    [Fact]
    public async Task an_id_stored_in_another_stream_is_a_conflict_in_a_call_over_several_streams()
    {
        var original = Event(1);
        await Store.AppendAsync("a", ExpectedRevision.NoStream, [original], CancellationToken.None);

        var error = await Should.ThrowAsync<EventIdConflictException>(() => Store.AppendManyAsync(
        [
            new StreamAppend("b", ExpectedRevision.NoStream, Events(1)),
            new StreamAppend("c", ExpectedRevision.NoStream, [original]),
        ], CancellationToken.None));

        error.Stream.ShouldBe("c");
        (await ReadAll()).Select(e => e.EventId).ShouldBe([original.EventId]);
    }

    [Fact]
    public async Task a_stream_already_stored_is_answered_with_its_original_positions_while_the_others_are_written()
    {
        var stored = Events(2);
        var first = await Store.AppendAsync("a", ExpectedRevision.NoStream, stored, CancellationToken.None);
        await Store.AppendAsync("a", ExpectedRevision.Exact(1), Events(1), CancellationToken.None);

        // The redelivered part carries the revision it saw back then: still its original result, not a conflict.
        var results = await Store.AppendManyAsync(
        [
            new StreamAppend("a", ExpectedRevision.NoStream, stored),
            new StreamAppend("b", ExpectedRevision.NoStream, Events(2)),
        ], CancellationToken.None);

        results[0].NextExpectedRevision.ShouldBe(first.NextExpectedRevision);
        results[0].Positions.ShouldBe(first.Positions);
        results[1].Positions.ShouldBe([4L, 5L]);
        (await ReadStream("a")).Count.ShouldBe(3);
    }

    [Fact]
    public async Task repeating_a_whole_call_writes_nothing_and_answers_as_the_first_time()
    {
        StreamAppend[] call = [new("a", ExpectedRevision.NoStream, Events(2)), new("b", ExpectedRevision.NoStream, Events(3))];
        var first = await Store.AppendManyAsync(call, CancellationToken.None);
        var head = await Store.ReadHeadAsync(CancellationToken.None);

        var again = await Store.AppendManyAsync(call, CancellationToken.None);

        again.Select(r => (r.NextExpectedRevision, string.Join(",", r.Positions)))
            .ShouldBe(first.Select(r => (r.NextExpectedRevision, string.Join(",", r.Positions))));
        (await Store.ReadHeadAsync(CancellationToken.None)).ShouldBe(head);
    }

    [Fact]
    public async Task a_stream_given_twice_or_an_id_given_twice_in_one_call_is_refused_before_anything_is_written()
    {
        var shared = Event(1);

        await Should.ThrowAsync<ArgumentException>(() => Store.AppendManyAsync(
            [new StreamAppend("a", ExpectedRevision.Any, Events(1)), new StreamAppend("a", ExpectedRevision.Any, Events(1))], CancellationToken.None));
        await Should.ThrowAsync<ArgumentException>(() => Store.AppendManyAsync(
            [new StreamAppend("a", ExpectedRevision.Any, [shared]), new StreamAppend("b", ExpectedRevision.Any, [shared])], CancellationToken.None));

        (await ReadAll()).ShouldBeEmpty();
    }

    [Fact]
    public async Task a_stream_with_no_events_in_the_call_only_has_its_revision_checked()
    {
        var results = await Store.AppendManyAsync(
            [new StreamAppend("a", ExpectedRevision.NoStream, []), new StreamAppend("b", ExpectedRevision.NoStream, Events(1))], CancellationToken.None);

        results[0].Positions.ShouldBeEmpty();
        results[0].NextExpectedRevision.ShouldBe(-1);
        results[1].Positions.ShouldBe([1L]);
        await Should.ThrowAsync<WrongExpectedRevisionException>(() => Store.AppendManyAsync(
            [new StreamAppend("a", ExpectedRevision.StreamExists, []), new StreamAppend("c", ExpectedRevision.NoStream, Events(1))], CancellationToken.None));
        (await ReadAll()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task a_subscription_at_the_head_is_woken_by_a_call_over_several_streams()
    {
        using var cts = new CancellationTokenSource();
        var ct = Patience(cts);
        await using var subscription = Store.SubscribeToAllAsync(0, ct).GetAsyncEnumerator(ct);

        var next = subscription.MoveNextAsync().AsTask();
        await Store.AppendManyAsync([new StreamAppend("a", ExpectedRevision.NoStream, Events(1)), new StreamAppend("b", ExpectedRevision.NoStream, Events(1))], CancellationToken.None);

        (await next).ShouldBeTrue();
        subscription.Current.Stream.ShouldBe("a");
        (await subscription.MoveNextAsync()).ShouldBeTrue();
        subscription.Current.Position.ShouldBe(2);
    }
}
