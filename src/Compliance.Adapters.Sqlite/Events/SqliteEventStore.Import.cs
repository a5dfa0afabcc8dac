using Compliance.Application.Store;

namespace Compliance.Adapters.Sqlite.Events;

/// <summary>The import path: events recorded in another store keep their recorded-at (not this store's clock).</summary>
public sealed partial class SqliteEventStore : IEventImporter
{
    public async Task ImportAsync(IReadOnlyList<StoredEvent> events, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(events);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (events.Count == 0) return;
        await _writeLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _writer.Import(events);
            _appended.Notify();
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
