using Compliance.Application.Store;
using Microsoft.Data.Sqlite;

namespace Compliance.Adapters.Sqlite.Events;

/// <summary>
/// The embedded event store: one SQLite file in WAL mode, one writer connection guarded by a semaphore (appends in this
/// process queue; other processes wait on SQLite's write lock), readers opened from a pool as needed.
/// recorded_at comes from <paramref name="time"/>, so a simulated clock produces a simulated history.
/// </summary>
public sealed partial class SqliteEventStore : IEventStore, IDisposable
{
    /// <summary>
    /// The ledger's default: FULL, every commit fsynced, so a committed batch survives power loss too. It was kept
    /// because it meets the bar set for it, batches of 100 at 50,000 events/s or more on 2 cores: on the development
    /// machine (2 cores, shared) `compliance bench store` with 100,000 events gave 51,700-59,100 events/s for FULL
    /// against 54,900-63,700 for NORMAL once the machine was not saturated (under a load average of 7-20 both fell to
    /// 34,000-40,000). If a deployment's disk makes fsync slow, <see cref="SqliteSynchronous.Normal"/> still keeps every
    /// committed batch through a process crash (the crash test kills a writer) and loses only the last commits, whole,
    /// on power loss.
    /// </summary>
    public const SqliteSynchronous DefaultSynchronous = SqliteSynchronous.Full;

    private readonly TimeProvider _time;
    private readonly string _readConnectionString;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly LedgerWriter _writer;
    private readonly AppendSignal _appended = new();
    private bool _disposed;

    public SqliteEventStore(string path, TimeProvider time)
        : this(path, time, DefaultSynchronous)
    {
    }

    public SqliteEventStore(string path, TimeProvider time, SqliteSynchronous synchronous)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        Path = System.IO.Path.GetFullPath(path);
        if (System.IO.Path.GetDirectoryName(Path) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        _writer = new LedgerWriter(builder.ToString(), synchronous);
        builder.Pooling = true;
        builder.Mode = SqliteOpenMode.ReadWrite;
        _readConnectionString = builder.ToString();
    }

    public string Path { get; }

    public async Task<AppendResult> AppendAsync(string stream, ExpectedRevision expected, IReadOnlyList<EventToAppend> events, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(events);
        IReadOnlyList<StreamAppend> appends = [new StreamAppend(stream, expected, events)];
        StreamAppendChecks.ThrowIfInvalid(appends);
        ObjectDisposedException.ThrowIf(_disposed, this);

        await _writeLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = _time.GetUtcNow();
            var (results, written) = _writer.Append(appends, new DateTimeOffset(now.UtcTicks, TimeSpan.Zero));
            if (written)
            {
                _appended.Notify();
            }

            return results[0];
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Every stream in one SQLite transaction: one commit (one fsync under FULL) for the whole call.</summary>
    public async Task<IReadOnlyList<AppendResult>> AppendManyAsync(IReadOnlyList<StreamAppend> appends, CancellationToken ct)
    {
        StreamAppendChecks.ThrowIfInvalid(appends);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (appends.Count == 0)
        {
            return [];
        }

        await _writeLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = _time.GetUtcNow();
            var (results, written) = _writer.Append(appends, new DateTimeOffset(now.UtcTicks, TimeSpan.Zero));
            if (written)
            {
                _appended.Notify();
            }

            return results;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Dispose()
    {
        _writeLock.Wait();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _writer.Dispose();
            using var pooled = new SqliteConnection(_readConnectionString);
            SqliteConnection.ClearPool(pooled);
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
