using Compliance.Application.Store;

namespace Compliance.Adapters.EventStoreDb;

public sealed partial class EventStoreDbEventStore
{
    /// <summary>
    /// EventStoreDB has no transaction across streams, so this is a loop of single-stream appends under the append lock.
    /// Every stream is checked first (ids already stored, then its expected revision), so a wrong revision or a
    /// conflicting id still writes nothing, and with the one writer this adapter requires the events still form one
    /// contiguous run of positions. What is NOT all or nothing: a transport failure after some streams were written
    /// leaves those written. Retrying the same call is safe (their ids are then found stored and answered with the
    /// original positions), and the command handler retries exactly that way.
    /// </summary>
    public async Task<IReadOnlyList<AppendResult>> AppendManyAsync(IReadOnlyList<StreamAppend> appends, CancellationToken ct)
    {
        StreamAppendChecks.ThrowIfInvalid(appends);
        await _appendLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var results = new AppendResult?[appends.Count];
            foreach (var (append, i) in appends.Select((a, i) => (a, i)))
            {
                if (append.Events.Count > 0 && await AlreadyStoredAsync(append.Stream, append.Events, ct).ConfigureAwait(false) is { } original)
                {
                    results[i] = original;
                    continue;
                }

                var actual = await LastRevisionAsync(append.Stream, ct).ConfigureAwait(false);
                if (!append.Expected.IsMetBy(actual)) throw new WrongExpectedRevisionException(append.Stream, append.Expected, actual);
            }

            for (var i = 0; i < appends.Count; i++)
                results[i] ??= await WriteAsync(appends[i].Stream, appends[i].Expected, appends[i].Events, ct).ConfigureAwait(false);
            return [.. results.Select(r => r!)];
        }
        finally
        {
            _appendLock.Release();
        }
    }
}
