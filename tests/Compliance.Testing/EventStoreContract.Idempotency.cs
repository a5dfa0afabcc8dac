using Compliance.Application.Store;

namespace Compliance.Testing;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task reappending_the_same_ids_returns_the_original_positions_and_writes_nothing()
    {
        var batch = Events(3);
        await Store.AppendAsync("s-0", ExpectedRevision.NoStream, Events(2), CancellationToken.None);
        var first = await Store.AppendAsync("s-1", ExpectedRevision.NoStream, batch, CancellationToken.None);
        await Store.AppendAsync("s-1", ExpectedRevision.Exact(2), Events(1), CancellationToken.None);
        var head = await Store.ReadHeadAsync(CancellationToken.None);

        // A redelivered command carries the revision it saw back then: still the original result, not a conflict.
        var again = await Store.AppendAsync("s-1", ExpectedRevision.NoStream, batch, CancellationToken.None);

        again.Positions.ShouldBe(first.Positions);
        again.Positions.ShouldBe([3L, 4L, 5L]);
        again.NextExpectedRevision.ShouldBe(first.NextExpectedRevision);
        (await Store.ReadHeadAsync(CancellationToken.None)).ShouldBe(head);
    }

    [Fact]
    public async Task reappending_an_id_with_other_content_is_a_conflict_and_writes_nothing()
    {
        var original = Event(1);
        await Store.AppendAsync("s-1", ExpectedRevision.NoStream, [original], CancellationToken.None);
        var head = await Store.ReadHeadAsync(CancellationToken.None);

        var error = await Should.ThrowAsync<EventIdConflictException>(
            () => Store.AppendAsync("s-1", ExpectedRevision.Any, [Event(2, original.EventId)], CancellationToken.None));

        error.EventId.ShouldBe(original.EventId);
        (await Store.ReadHeadAsync(CancellationToken.None)).ShouldBe(head);
    }

    [Fact]
    public async Task reappending_an_id_into_another_stream_is_a_conflict()
    {
        var original = Event(1);
        await Store.AppendAsync("s-1", ExpectedRevision.NoStream, [original], CancellationToken.None);

        await Should.ThrowAsync<EventIdConflictException>(
            () => Store.AppendAsync("s-2", ExpectedRevision.Any, [original], CancellationToken.None));

        (await ReadStream("s-2")).ShouldBeEmpty();
    }

    [Fact]
    public async Task a_batch_where_only_some_ids_are_stored_is_a_conflict_and_writes_nothing()
    {
        var stored = Event(1);
        await Store.AppendAsync("s-1", ExpectedRevision.NoStream, [stored], CancellationToken.None);

        await Should.ThrowAsync<EventIdConflictException>(
            () => Store.AppendAsync("s-1", ExpectedRevision.Any, [Event(0), stored, Event(2)], CancellationToken.None));
        await Should.ThrowAsync<EventIdConflictException>(
            () => Store.AppendAsync("s-1", ExpectedRevision.Any, [stored, Event(3)], CancellationToken.None));

        (await ReadAll()).Select(e => e.EventId).ShouldBe([stored.EventId]);
    }

    [Fact]
    public async Task a_batch_is_stored_whole_with_consecutive_revisions_and_positions()
    {
        await Store.AppendAsync("s-1", ExpectedRevision.NoStream, Events(2), CancellationToken.None);
        await Store.AppendAsync("s-2", ExpectedRevision.NoStream, Events(1), CancellationToken.None);

        var result = await Store.AppendAsync("s-1", ExpectedRevision.Exact(1), Events(100), CancellationToken.None);

        result.Positions.ShouldBe(Enumerable.Range(4, 100).Select(p => (long)p));
        result.NextExpectedRevision.ShouldBe(101);
        (await ReadStream("s-1", from: 2)).Select(e => e.Revision).ShouldBe(Enumerable.Range(2, 100).Select(r => (long)r));
    }

    [Fact]
    public async Task an_empty_batch_checks_the_revision_and_writes_nothing()
    {
        var result = await Store.AppendAsync("s-1", ExpectedRevision.NoStream, [], CancellationToken.None);

        result.Positions.ShouldBeEmpty();
        result.NextExpectedRevision.ShouldBe(-1);
        await Should.ThrowAsync<WrongExpectedRevisionException>(
            () => Store.AppendAsync("s-1", ExpectedRevision.StreamExists, [], CancellationToken.None));
        (await ReadAll()).ShouldBeEmpty();
    }
}
