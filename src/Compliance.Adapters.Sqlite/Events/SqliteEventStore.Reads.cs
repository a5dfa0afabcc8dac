using System.Runtime.CompilerServices;
using Compliance.Application.Store;
using Microsoft.Data.Sqlite;

namespace Compliance.Adapters.Sqlite.Events;

public sealed partial class SqliteEventStore
{
    /// <summary>How many events a subscription reads at a time while catching up.</summary>
    private const int SubscriptionPage = 512;

    /// <summary>
    /// How often a live subscription looks at the file when this process has not appended: another process may write to
    /// the same file. Wall-clock on purpose: the injected TimeProvider may be a simulated clock that never advances.
    /// </summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>Backwards reads start at the end with <c>fromRevision = long.MaxValue</c>.</summary>
    public async IAsyncEnumerable<StoredEvent> ReadStreamAsync(string stream, Direction direction, long fromRevision, int maxCount,
        [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        await using var connection = await OpenReaderAsync(ct).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = direction == Direction.Forwards ? EventsSql.ReadForwards : EventsSql.ReadBackwards;
        command.Parameters.AddWithValue("$stream", stream);
        command.Parameters.AddWithValue("$revision", fromRevision);
        command.Parameters.AddWithValue("$max", maxCount);
        await using var rows = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await rows.ReadAsync(ct).ConfigureAwait(false))
        {
            yield return EventRows.Read(rows);
        }
    }

    public async IAsyncEnumerable<StoredEvent> ReadAllAsync(long fromPosition, int maxCount, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        await using var connection = await OpenReaderAsync(ct).ConfigureAwait(false);
        await using var command = ReadAllCommand(connection, fromPosition, maxCount);
        await using var rows = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await rows.ReadAsync(ct).ConfigureAwait(false))
        {
            yield return EventRows.Read(rows);
        }
    }

    /// <summary>
    /// History in pages, then live. Each page is one committed snapshot (positions are assigned inside the write
    /// transaction, so a snapshot has no holes) and is read fully before it is handed out, so a slow consumer holds no
    /// read transaction. Live events are announced by appends of this process and found by polling otherwise.
    /// </summary>
    public async IAsyncEnumerable<StoredEvent> SubscribeToAllAsync(long afterPosition, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterPosition);
        var next = afterPosition + 1;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            ObjectDisposedException.ThrowIf(_disposed, this);
            var appended = _appended.Next;
            var page = await ReadPageAsync(next, SubscriptionPage, ct).ConfigureAwait(false);
            foreach (var e in page)
            {
                yield return e;
                next = e.Position + 1;
            }

            if (page.Count < SubscriptionPage)
            {
                await Task.WhenAny(appended, Task.Delay(PollInterval, ct)).ConfigureAwait(false);
            }
        }
    }

    public async Task<(long Position, string Hash)> ReadHeadAsync(CancellationToken ct)
    {
        await using var connection = await OpenReaderAsync(ct).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = EventsSql.SelectHead;
        await using var row = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await row.ReadAsync(ct).ConfigureAwait(false) ? (row.GetInt64(0), row.GetString(1)) : (0, HashChain.Genesis);
    }

    private async Task<List<StoredEvent>> ReadPageAsync(long fromPosition, int maxCount, CancellationToken ct)
    {
        var page = new List<StoredEvent>();
        await using var connection = await OpenReaderAsync(ct).ConfigureAwait(false);
        await using var command = ReadAllCommand(connection, fromPosition, maxCount);
        await using var rows = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await rows.ReadAsync(ct).ConfigureAwait(false))
        {
            page.Add(EventRows.Read(rows));
        }

        return page;
    }

    private static SqliteCommand ReadAllCommand(SqliteConnection connection, long fromPosition, int maxCount)
    {
        var command = connection.CreateCommand();
        command.CommandText = EventsSql.ReadAll;
        command.Parameters.AddWithValue("$position", fromPosition);
        command.Parameters.AddWithValue("$max", maxCount);
        return command;
    }

    private async Task<SqliteConnection> OpenReaderAsync(CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var connection = new SqliteConnection(_readConnectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        return connection;
    }
}
