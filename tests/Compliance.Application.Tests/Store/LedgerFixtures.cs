using Compliance.Application.Serialization;
using Compliance.Application.Store;
using Compliance.Domain.Events;

namespace Compliance.Application.Tests.Store;

/// <summary>Small chains of real domain events, in memory or in a SQLite ledger, for the chain rules and the import.</summary>
internal static class LedgerFixtures
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public static EventToAppend Removed(int n) =>
        EventSerializer.Default.ToStored(new NodeRemoved("c1", $"node-{n}", Start.AddMinutes(n)), Guid.NewGuid(), new EventMetadata("test", Guid.NewGuid(), Guid.NewGuid()));

    /// <summary><paramref name="count"/> events over two streams, chained from genesis, one minute apart.</summary>
    public static List<StoredEvent> Chain(int count)
    {
        var chain = new List<StoredEvent>();
        var previous = HashChain.Genesis;
        var revisions = new Dictionary<string, long>();
        for (var i = 0; i < count; i++)
        {
            var stream = i % 3 == 0 ? "observations-c2" : "observations-c1";
            var revision = revisions[stream] = revisions.TryGetValue(stream, out var r) ? r + 1 : 0;
            var e = Removed(i);
            chain.Add(Link(new StoredEvent(e.EventId, stream, revision, i + 1, e.Type, e.SchemaVersion, Start.AddMinutes(i), "test",
                e.Metadata.CorrelationId, e.Metadata.CausationId, e.Json, previous, "")));
            previous = chain[^1].Hash;
        }

        return chain;
    }

    /// <summary>The event with its hash recomputed over its content and previous hash.</summary>
    public static StoredEvent Link(StoredEvent e) => e with { Hash = HashChain.Compute(e, e.PreviousHash) };

    /// <summary>Everything recomputed after a change: links and hashes from <paramref name="from"/> on.</summary>
    public static List<StoredEvent> Rechain(List<StoredEvent> chain, int from)
    {
        for (var i = from; i < chain.Count; i++) chain[i] = Link(chain[i] with { PreviousHash = i == 0 ? HashChain.Genesis : chain[i - 1].Hash });
        return chain;
    }

    /// <summary>A clock a test can move back (the SQLite writer must not record the earlier instant).</summary>
    public sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
