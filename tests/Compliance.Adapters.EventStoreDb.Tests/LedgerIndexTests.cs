using Compliance.Application.Store;

namespace Compliance.Adapters.EventStoreDb.Tests;

public sealed class LedgerIndexTests
{
    [Fact]
    public void learns_events_in_ledger_order_and_skips_ones_it_already_knows()
    {
        var index = new LedgerIndex();
        var a0 = Event("a", 0, 1);
        var b0 = Event("b", 0, 2);
        var a1 = Event("a", 1, 3);

        foreach (var e in new[] { a0, b0, a0, b0, a1 }) index.Learn(e);

        index.Head().ShouldBe((3L, a1.Hash));
        index.StreamRevision("a").ShouldBe(1);
        index.StreamRevision("b").ShouldBe(0);
        index.StreamRevision("c").ShouldBeNull();
        index.TryGetPosition(b0.EventId, out var position).ShouldBeTrue();
        position.ShouldBe(2);
    }

    [Fact]
    public void refuses_a_gap_a_skipped_revision_and_an_id_stored_twice()
    {
        var index = new LedgerIndex();
        var first = Event("a", 0, 1);
        index.Learn(first);

        Should.Throw<InvalidOperationException>(() => index.Learn(Event("a", 1, 3)));
        Should.Throw<InvalidDataException>(() => index.Learn(Event("a", 2, 2))).Message
            .ShouldContain("Ledger position 2 holds revision 2 of stream 'a' where revision 1 was next");
        Should.Throw<InvalidDataException>(() => index.Learn(Event("b", 0, 2) with { EventId = first.EventId })).Message
            .ShouldContain("is stored twice in the ledger, at positions 1 and 2");
        index.Head().Position.ShouldBe(1);
    }

    [Fact]
    public void gives_a_streams_positions_forwards_from_a_revision_or_backwards_from_the_end()
    {
        var index = new LedgerIndex();
        for (var p = 1; p <= 10; p++) index.Learn(Event(p % 2 == 0 ? "even" : "odd", (p - 1) / 2, p));

        index.PositionsOf("even", Direction.Forwards, 1, 3).ShouldBe([4L, 6L, 8L]);
        index.PositionsOf("even", Direction.Backwards, long.MaxValue, 2).ShouldBe([10L, 8L]);
        index.PositionsOf("odd", Direction.Backwards, 1, 10).ShouldBe([3L, 1L]);
        index.PositionsOf("none", Direction.Forwards, 0, 10).ShouldBeEmpty();
    }

    private static StoredEvent Event(string stream, long revision, long position) =>
        new(Guid.NewGuid(), stream, revision, position, "V1.T", 1, DateTimeOffset.UnixEpoch, "a", Guid.Empty, Guid.Empty, "{}", HashChain.Genesis,
            Convert.ToHexStringLower(BitConverter.GetBytes(position)).PadLeft(64, '0'));
}
