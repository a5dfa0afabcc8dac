using Compliance.Application.Store;

namespace Compliance.Testing;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task appends_a_new_stream_from_revision_zero_and_position_one()
    {
        var result = await Store.AppendAsync("s-1", ExpectedRevision.NoStream, Events(3), CancellationToken.None);

        result.NextExpectedRevision.ShouldBe(2);
        result.Positions.ShouldBe([1L, 2L, 3L]);
        (await ReadStream("s-1")).Select(e => e.Revision).ShouldBe([0L, 1L, 2L]);
    }

    [Fact]
    public async Task rejects_no_stream_when_the_stream_exists()
    {
        await Store.AppendAsync("s-1", ExpectedRevision.NoStream, Events(2), CancellationToken.None);

        var error = await Should.ThrowAsync<WrongExpectedRevisionException>(
            () => Store.AppendAsync("s-1", ExpectedRevision.NoStream, Events(1), CancellationToken.None));

        error.Stream.ShouldBe("s-1");
        error.Expected.ShouldBe(ExpectedRevision.NoStream);
        error.Actual.ShouldBe(1);
    }

    [Fact]
    public async Task rejects_stream_exists_when_the_stream_is_missing()
    {
        var error = await Should.ThrowAsync<WrongExpectedRevisionException>(
            () => Store.AppendAsync("s-1", ExpectedRevision.StreamExists, Events(1), CancellationToken.None));

        error.Stream.ShouldBe("s-1");
        error.Expected.ShouldBe(ExpectedRevision.StreamExists);
        error.Actual.ShouldBeNull();
    }

    [Fact]
    public async Task rejects_an_exact_revision_that_is_not_the_last_one()
    {
        await Store.AppendAsync("s-1", ExpectedRevision.NoStream, Events(3), CancellationToken.None);

        var error = await Should.ThrowAsync<WrongExpectedRevisionException>(
            () => Store.AppendAsync("s-1", ExpectedRevision.Exact(1), Events(1), CancellationToken.None));

        error.Stream.ShouldBe("s-1");
        error.Expected.ShouldBe(ExpectedRevision.Exact(1));
        error.Actual.ShouldBe(2);
    }

    [Fact]
    public async Task rejects_an_exact_revision_on_a_missing_stream()
    {
        var error = await Should.ThrowAsync<WrongExpectedRevisionException>(
            () => Store.AppendAsync("s-1", ExpectedRevision.Exact(0), Events(1), CancellationToken.None));

        error.Actual.ShouldBeNull();
    }

    [Fact]
    public async Task accepts_each_expected_revision_kind_when_it_holds()
    {
        await Store.AppendAsync("s-1", ExpectedRevision.NoStream, Events(1), CancellationToken.None);
        await Store.AppendAsync("s-1", ExpectedRevision.StreamExists, Events(1), CancellationToken.None);
        await Store.AppendAsync("s-1", ExpectedRevision.Exact(1), Events(1), CancellationToken.None);
        var last = await Store.AppendAsync("s-1", ExpectedRevision.Any, Events(1), CancellationToken.None);
        await Store.AppendAsync("s-2", ExpectedRevision.Any, Events(1), CancellationToken.None);

        last.NextExpectedRevision.ShouldBe(3);
        (await ReadStream("s-1")).Count.ShouldBe(4);
        (await ReadStream("s-2")).Count.ShouldBe(1);
    }

    [Fact]
    public async Task a_rejected_batch_writes_nothing()
    {
        await Store.AppendAsync("s-1", ExpectedRevision.NoStream, Events(2), CancellationToken.None);
        var before = await Store.ReadHeadAsync(CancellationToken.None);

        await Should.ThrowAsync<WrongExpectedRevisionException>(
            () => Store.AppendAsync("s-1", ExpectedRevision.Exact(0), Events(5), CancellationToken.None));

        (await Store.ReadHeadAsync(CancellationToken.None)).ShouldBe(before);
        (await ReadAll()).Count.ShouldBe(2);
    }

    [Fact]
    public async Task records_the_clock_time_and_metadata_of_the_append()
    {
        Clock.Advance(TimeSpan.FromDays(400) + TimeSpan.FromTicks(7));
        var e = Event(1);

        await Store.AppendAsync("s-1", ExpectedRevision.NoStream, [e], CancellationToken.None);

        var stored = (await ReadStream("s-1")).ShouldHaveSingleItem();
        stored.RecordedAt.ShouldBe(Clock.GetUtcNow());
        stored.EventId.ShouldBe(e.EventId);
        stored.Type.ShouldBe(e.Type);
        stored.SchemaVersion.ShouldBe(1);
        stored.Json.ShouldBe(e.Json);
        stored.Actor.ShouldBe(Metadata.Actor);
        stored.CorrelationId.ShouldBe(Metadata.CorrelationId);
        stored.CausationId.ShouldBe(Metadata.CausationId);
    }
}
