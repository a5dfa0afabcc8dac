using Compliance.Application.Store;

namespace Compliance.Testing;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task reads_a_stream_forwards_from_a_revision_up_to_max_count()
    {
        await Store.AppendAsync("s-1", ExpectedRevision.NoStream, Events(10), CancellationToken.None);

        var read = await ReadStream("s-1", Direction.Forwards, from: 3, max: 4);

        read.Select(e => e.Revision).ShouldBe([3L, 4L, 5L, 6L]);
        read.Select(e => e.Json).ShouldBe(["""{"n":3}""", """{"n":4}""", """{"n":5}""", """{"n":6}"""]);
    }

    [Fact]
    public async Task reads_a_stream_backwards_from_the_end_or_from_a_revision()
    {
        await Store.AppendAsync("s-1", ExpectedRevision.NoStream, Events(10), CancellationToken.None);

        (await ReadStream("s-1", Direction.Backwards, from: long.MaxValue, max: 3)).Select(e => e.Revision).ShouldBe([9L, 8L, 7L]);
        (await ReadStream("s-1", Direction.Backwards, from: 2, max: 10)).Select(e => e.Revision).ShouldBe([2L, 1L, 0L]);
    }

    [Fact]
    public async Task reading_a_missing_stream_gives_nothing()
    {
        await Store.AppendAsync("s-1", ExpectedRevision.NoStream, Events(1), CancellationToken.None);

        (await ReadStream("s-404")).ShouldBeEmpty();
        (await ReadStream("s-404", Direction.Backwards, long.MaxValue)).ShouldBeEmpty();
    }

    [Fact]
    public async Task reads_all_streams_in_global_order_from_a_position()
    {
        await Store.AppendAsync("a", ExpectedRevision.NoStream, Events(2), CancellationToken.None);
        await Store.AppendAsync("b", ExpectedRevision.NoStream, Events(2, first: 10), CancellationToken.None);
        await Store.AppendAsync("a", ExpectedRevision.Exact(1), Events(1, first: 20), CancellationToken.None);

        var all = await ReadAll();
        all.Select(e => (e.Position, e.Stream, e.Revision)).ShouldBe([(1L, "a", 0L), (2L, "a", 1L), (3L, "b", 0L), (4L, "b", 1L), (5L, "a", 2L)]);

        var page = await Store.ReadAllAsync(3, 2, CancellationToken.None).ToListAsync();
        page.Select(e => e.Position).ShouldBe([3L, 4L]);
    }

    [Fact]
    public async Task the_head_of_an_empty_store_is_position_zero_and_genesis()
    {
        (await Store.ReadHeadAsync(CancellationToken.None)).ShouldBe((0L, HashChain.Genesis));
    }

    [Fact]
    public async Task the_head_is_the_last_event_position_and_hash()
    {
        await Store.AppendAsync("a", ExpectedRevision.NoStream, Events(2), CancellationToken.None);
        await Store.AppendAsync("b", ExpectedRevision.NoStream, Events(3), CancellationToken.None);

        var last = (await ReadAll())[^1];
        (await Store.ReadHeadAsync(CancellationToken.None)).ShouldBe((5L, last.Hash));
    }
}
