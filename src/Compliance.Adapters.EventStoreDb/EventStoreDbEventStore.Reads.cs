using System.Runtime.CompilerServices;
using Compliance.Adapters.EventStoreDb.Grpc;
using Compliance.Application.Store;
using Grpc.Core;

namespace Compliance.Adapters.EventStoreDb;

public sealed partial class EventStoreDbEventStore
{
    /// <summary>How many events of $all (user streams only) are looked at from the end to find our head.</summary>
    private const ulong HeadSearch = 100;

    /// <summary>Events of $all per read while paging.</summary>
    private const ulong AllPage = 1_000;

    public async IAsyncEnumerable<StoredEvent> ReadStreamAsync(string stream, Direction direction, long fromRevision, int maxCount,
        [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        if (maxCount == 0) yield break;
        var request = EsdbMessages.ReadStream(_prefix + stream, direction, fromRevision, (ulong)maxCount);
        var (events, _) = await _retry.RunAsync(c => ReadAsync(request, c), ct).ConfigureAwait(false);
        foreach (var e in events) yield return e;
    }

    public async IAsyncEnumerable<StoredEvent> ReadAllAsync(long fromPosition, int maxCount, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        var returned = 0;
        var start = fromPosition <= 1 ? null : _positions.AtOrBefore(fromPosition);
        var from = start?.Position;
        while (returned < maxCount)
        {
            var (page, received) = await _retry.RunAsync(c => ReadAsync(EsdbMessages.ReadAll(from, Direction.Forwards, AllPage, _streams), c), ct).ConfigureAwait(false);
            foreach (var e in page)
            {
                if (e.Position < fromPosition) continue;
                yield return e;
                if (++returned == maxCount) yield break;
            }

            if (received < (int)AllPage || page.Count == 0) yield break;
            // Continue from the last of our events seen: reads of $all from a position include it, so it is skipped.
            from = _positions.AtOrBefore(page[^1].Position)?.Position;
            fromPosition = Math.Max(fromPosition, page[^1].Position + 1);
        }
    }

    public async Task<(long Position, string Hash)> ReadHeadAsync(CancellationToken ct)
    {
        var (page, _) = await _retry.RunAsync(c => ReadAsync(EsdbMessages.ReadAll(null, Direction.Backwards, HeadSearch, _streams), c), ct).ConfigureAwait(false);
        return page.Count > 0 ? (page[0].Position, page[0].Hash) : (0, HashChain.Genesis);
    }

    /// <summary>
    /// A subscription to $all without system events, from the known $all position of <paramref name="afterPosition"/>
    /// (exclusive) or the start; events at or before it are skipped. A transient failure resubscribes after the last event
    /// handed out, with backoff. Our sequence must go up by one each time: anything else is an error, not a silent gap.
    /// </summary>
    public async IAsyncEnumerable<StoredEvent> SubscribeToAllAsync(long afterPosition, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterPosition);
        var next = afterPosition + 1;
        var failures = 0;
        while (true)
        {
            var from = afterPosition == 0 ? null : _positions.AtOrBefore(next - 1)?.Position;
            using var call = _client.Read(EsdbMessages.ReadAll(from, Direction.Forwards, null, _streams), _headers, deadline: null, ct);
            var stream = call.ResponseStream;
            while (true)
            {
                StoredEvent? e;
                try
                {
                    if (!await stream.MoveNext(ct).ConfigureAwait(false)) break;
                    failures = 0;
                    e = Take(stream.Current);
                }
                catch (RpcException error) when (EsdbRetry.IsTransient(error) && ++failures < _retry.Attempts)
                {
                    await Task.Delay(_retry.DelayBefore(failures), ct).ConfigureAwait(false);
                    break;
                }

                if (e is null || e.Position < next) continue;
                if (e.Position != next) throw new InvalidOperationException($"The subscription to $all skipped from sequence {next - 1} to {e.Position}: the ledger's order in EventStoreDB is broken.");
                next++;
                yield return e;
            }

            afterPosition = next - 1;
        }
    }

    /// <summary>Reads a bounded request to the end; Received counts every event the server sent, ours or not.</summary>
    private async Task<(List<StoredEvent> Events, int Received)> ReadAsync(ReadReq request, CancellationToken ct)
    {
        var events = new List<StoredEvent>();
        var received = 0;
        using var call = _client.Read(request, _headers, Deadline(), ct);
        await foreach (var response in call.ResponseStream.ReadAllAsync(ct).ConfigureAwait(false))
        {
            if (response.ContentCase == ReadResp.ContentOneofCase.StreamNotFound) break;
            if (response.ContentCase == ReadResp.ContentOneofCase.Event) received++;
            if (Take(response) is { } e) events.Add(e);
        }

        return (events, received);
    }

    /// <summary>Our event from a response, learning its $all position; null for confirmations, checkpoints and foreign events.</summary>
    private StoredEvent? Take(ReadResp response)
    {
        if (response.ContentCase != ReadResp.ContentOneofCase.Event) return null;
        var recorded = response.Event.Event;
        if (EsdbMessages.ToStored(recorded, _prefix) is not { } mapped) return null;
        _positions.Learn(mapped.Event.Position, mapped.Position);
        return mapped.Event;
    }
}
