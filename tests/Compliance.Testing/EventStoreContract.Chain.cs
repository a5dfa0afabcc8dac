using Compliance.Application.Serialization;
using Compliance.Application.Store;
using Compliance.Domain.Events;

namespace Compliance.Testing;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task the_hash_chain_links_every_event_across_streams_and_batches()
    {
        await Store.AppendAsync("a", ExpectedRevision.NoStream, Events(3), CancellationToken.None);
        Clock.Advance(TimeSpan.FromDays(31));
        await Store.AppendAsync("b", ExpectedRevision.NoStream, Events(1), CancellationToken.None);
        await Store.AppendAsync("a", ExpectedRevision.Exact(2), Events(2), CancellationToken.None);

        var all = await ReadAll();
        all[0].PreviousHash.ShouldBe(HashChain.Genesis);
        for (var i = 1; i < all.Count; i++)
        {
            all[i].PreviousHash.ShouldBe(all[i - 1].Hash);
        }

        var verification = await HashChainVerifier.VerifyAsync(Store, pageSize: 2, CancellationToken.None);
        verification.Intact.ShouldBeTrue();
        verification.Verified.ShouldBe(6);
        verification.HeadPosition.ShouldBe(6);
        verification.HeadHash.ShouldBe(all[^1].Hash);
    }

    [Fact]
    public async Task an_empty_store_verifies_with_the_genesis_head()
    {
        var verification = await HashChainVerifier.VerifyAsync(Store, CancellationToken.None);

        verification.ShouldBe(new ChainVerification(0, 0, HashChain.Genesis, null));
    }

    [Fact]
    public async Task every_domain_event_round_trips_through_the_store_under_its_versioned_name()
    {
        var serializer = EventSerializer.Default;
        var source = Guid.NewGuid();
        var toAppend = SampleEvents.All.Select((e, i) => serializer.ToStored(e, EventIds.Derive(source, i), Metadata)).ToList();

        await Store.AppendAsync("samples", ExpectedRevision.NoStream, toAppend, CancellationToken.None);

        var stored = await ReadStream("samples");
        stored.Select(e => e.Type).ShouldAllBe(t => t.StartsWith("V1.", StringComparison.Ordinal));
        for (var i = 0; i < stored.Count; i++)
        {
            var back = serializer.FromStored(stored[i]);
            back.GetType().ShouldBe(SampleEvents.All[i].GetType());
            serializer.ToStored(back, stored[i].EventId, Metadata).Json.ShouldBe(stored[i].Json);
        }
    }

    [Fact]
    public async Task reading_an_event_of_an_unknown_type_names_the_type_and_position()
    {
        await Store.AppendAsync("s", ExpectedRevision.NoStream, Events(2, first: 0), CancellationToken.None);
        await Store.AppendAsync("s", ExpectedRevision.Exact(1), [Event(2, type: "V9.SomethingNew")], CancellationToken.None);

        var stored = (await ReadStream("s"))[^1];
        var error = Should.Throw<UnknownEventTypeException>(() => EventSerializer.Default.FromStored(stored));

        error.Type.ShouldBe("V9.SomethingNew");
        error.Position.ShouldBe(3);
        error.Message.ShouldContain("V9.SomethingNew");
        error.Message.ShouldContain("position 3");
    }

    [Fact]
    public void the_sample_events_cover_every_domain_event()
    {
        var domainEvents = typeof(DomainEvent).Assembly.GetTypes().Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(DomainEvent)));

        SampleEvents.All.Select(e => e.GetType()).ShouldBe(domainEvents, ignoreOrder: true);
    }
}
