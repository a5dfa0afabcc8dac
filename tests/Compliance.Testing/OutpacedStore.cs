using Compliance.Application.Serialization;
using Compliance.Application.Store;
using Compliance.Domain.Deciders;
using Compliance.Domain.Events;
using Compliance.Domain.Policies;

namespace Compliance.Testing;

/// <summary>
/// A real store that another writer always beats on one cluster's stream: while <see cref="Racing"/>, before each
/// append to <c>cluster-{id}</c> the rival store (another instance on the same database, as another replica) appends a
/// policy change there, so every append of this store to that stream finds it moved. Everything else passes through.
/// </summary>
public sealed class OutpacedStore(IEventStore inner, IEventStore rival, string clusterId, TimeProvider time) : IEventStore
{
    public const string RivalActor = "rival";
    private int rivalChanges;

    public bool Racing { get; set; } = true;

    public async Task<AppendResult> AppendAsync(string stream, ExpectedRevision expected, IReadOnlyList<EventToAppend> events, CancellationToken ct)
    {
        await MoveAsync(stream, ct);
        return await inner.AppendAsync(stream, expected, events, ct);
    }

    public async Task<IReadOnlyList<AppendResult>> AppendManyAsync(IReadOnlyList<StreamAppend> appends, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(appends);
        foreach (var append in appends) await MoveAsync(append.Stream, ct);
        return await inner.AppendManyAsync(appends, ct);
    }

    public IAsyncEnumerable<StoredEvent> ReadStreamAsync(string stream, Direction direction, long fromRevision, int maxCount, CancellationToken ct) =>
        inner.ReadStreamAsync(stream, direction, fromRevision, maxCount, ct);

    public IAsyncEnumerable<StoredEvent> ReadAllAsync(long fromPosition, int maxCount, CancellationToken ct) => inner.ReadAllAsync(fromPosition, maxCount, ct);

    public IAsyncEnumerable<StoredEvent> SubscribeToAllAsync(long afterPosition, CancellationToken ct) => inner.SubscribeToAllAsync(afterPosition, ct);

    public Task<(long Position, string Hash)> ReadHeadAsync(CancellationToken ct) => inner.ReadHeadAsync(ct);

    private async Task MoveAsync(string stream, CancellationToken ct)
    {
        if (!Racing || stream != Streams.Cluster(clusterId)) return;
        var change = new MaintenancePolicySet(clusterId, MaintenancePolicy.Default with { NoticeDays = 100 + Interlocked.Increment(ref rivalChanges) }, time.GetUtcNow());
        var e = EventSerializer.Default.ToStored(change, Guid.NewGuid(), new EventMetadata(RivalActor, Guid.NewGuid(), Guid.NewGuid()));
        await rival.AppendAsync(stream, ExpectedRevision.Any, [e], ct);
    }
}
