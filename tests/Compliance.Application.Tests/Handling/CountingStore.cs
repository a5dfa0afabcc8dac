using Compliance.Application.Store;

namespace Compliance.Application.Tests.Handling;

/// <summary>A real store seen through a counter of write calls: shows how many store calls (transactions) a batch took.</summary>
internal sealed class CountingStore(IEventStore inner) : IEventStore
{
    public int Appends { get; private set; }

    public int ManyAppends { get; private set; }

    public Task<AppendResult> AppendAsync(string stream, ExpectedRevision expected, IReadOnlyList<EventToAppend> events, CancellationToken ct)
    {
        Appends++;
        return inner.AppendAsync(stream, expected, events, ct);
    }

    public Task<IReadOnlyList<AppendResult>> AppendManyAsync(IReadOnlyList<StreamAppend> appends, CancellationToken ct)
    {
        ManyAppends++;
        return inner.AppendManyAsync(appends, ct);
    }

    public IAsyncEnumerable<StoredEvent> ReadStreamAsync(string stream, Direction direction, long fromRevision, int maxCount, CancellationToken ct) =>
        inner.ReadStreamAsync(stream, direction, fromRevision, maxCount, ct);

    public IAsyncEnumerable<StoredEvent> ReadAllAsync(long fromPosition, int maxCount, CancellationToken ct) => inner.ReadAllAsync(fromPosition, maxCount, ct);

    public IAsyncEnumerable<StoredEvent> SubscribeToAllAsync(long afterPosition, CancellationToken ct) => inner.SubscribeToAllAsync(afterPosition, ct);

    public Task<(long Position, string Hash)> ReadHeadAsync(CancellationToken ct) => inner.ReadHeadAsync(ct);
}
