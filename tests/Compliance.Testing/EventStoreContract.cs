using System.Globalization;
using Compliance.Application.Store;
using Microsoft.Extensions.Time.Testing;

namespace Compliance.Testing;

/// <summary>
/// What every event store adapter must do, written once. An adapter's test project derives a class that creates a fresh,
/// empty store (and cleans it up in <see cref="Dispose(bool)"/>); xunit runs the inherited facts against it.
/// </summary>
public abstract partial class EventStoreContract : IDisposable
{
    private readonly List<IEventStore> others = [];
    private IEventStore? _store;

    /// <summary>The clock recorded-at comes from; tests move it to show the store takes time from it.</summary>
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 1, 6, 9, 30, 0, TimeSpan.Zero));

    /// <summary>A fresh empty store per test.</summary>
    protected IEventStore Store => _store ??= CreateStore(Clock);

    /// <summary>Hang guard for waits on other tasks; not a timing assertion.</summary>
    protected static CancellationToken Patience(CancellationTokenSource cts)
    {
        ArgumentNullException.ThrowIfNull(cts);
        cts.CancelAfter(TimeSpan.FromSeconds(60));
        return cts.Token;
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Creates a new, empty store taking recorded-at from <paramref name="time"/>.</summary>
    protected abstract IEventStore CreateStore(TimeProvider time);

    /// <summary>
    /// Another store on the same database as <see cref="Store"/>, sharing nothing with it but the database, as a second
    /// process (or a restarted one) would open it.
    /// </summary>
    protected abstract IEventStore OpenAnother(TimeProvider time);

    /// <summary>
    /// Writes <paramref name="count"/> events of another application into the same database, outside the ledger, made to
    /// look like ledger events wherever the store could mistake them for its own.
    /// </summary>
    protected abstract Task WriteForeignEventsAsync(int count, CancellationToken ct);

    /// <summary><see cref="OpenAnother"/>, disposed with the test.</summary>
    protected IEventStore Another()
    {
        _ = Store;
        var other = OpenAnother(Clock);
        others.Add(other);
        return other;
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing) return;
        foreach (var other in others.OfType<IDisposable>()) other.Dispose();
        if (_store is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }

    protected static EventMetadata Metadata { get; } = new("alice@example.test", Guid.Parse("11111111-2222-3333-4444-555555555555"),
        Guid.Parse("66666666-7777-8888-9999-000000000000"));

    protected static EventToAppend Event(int n, Guid? id = null, string type = "V1.ContractTested") =>
        new(id ?? Guid.NewGuid(), type, 1, string.Create(CultureInfo.InvariantCulture, $$"""{"n":{{n}}}"""), Metadata);

    protected static EventToAppend[] Events(int count, int first = 0) =>
        [.. Enumerable.Range(first, count).Select(n => Event(n))];

    /// <summary>The chain verifies, in pages of <paramref name="pageSize"/>, and holds <paramref name="events"/> events.</summary>
    protected static async Task ShouldVerifyAsync(IEventReader reader, long events, CancellationToken ct, int pageSize = HashChainVerifier.DefaultPageSize)
    {
        var chain = await HashChainVerifier.VerifyAsync(reader, pageSize, ct);
        chain.Intact.ShouldBeTrue(chain.FirstBreak?.Detail);
        chain.Verified.ShouldBe(events);
    }

    protected async Task<List<StoredEvent>> ReadAll(long from = 1) => await Store.ReadAllAsync(from, int.MaxValue, CancellationToken.None).ToListAsync();

    protected async Task<List<StoredEvent>> ReadStream(string stream, Direction direction = Direction.Forwards, long from = 0, int max = int.MaxValue) =>
        await Store.ReadStreamAsync(stream, direction, from, max, CancellationToken.None).ToListAsync();
}
