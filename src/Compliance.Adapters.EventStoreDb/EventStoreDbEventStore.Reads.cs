using System.Runtime.CompilerServices;
using Compliance.Adapters.EventStoreDb.Grpc;
using Compliance.Application.Store;
using Grpc.Core;

namespace Compliance.Adapters.EventStoreDb;

public sealed partial class EventStoreDbEventStore
{
    /// <summary>Ledger events per read while paging the whole ledger.</summary>
    private const int AllPage = 1_000;

    /// <summary>Reads of a logical stream's scattered positions kept in flight at once.</summary>
    private const int ReadsInFlight = 8;

    /// <summary>Positions of a logical stream this close together in the ledger are read in one call, the ones between skipped.</summary>
    private const long MergeGap = 16;

    /// <summary>The index is brought up to the ledger's tail first, so the read sees every writer's appends.</summary>
    public async IAsyncEnumerable<StoredEvent> ReadStreamAsync(string stream, Direction direction, long fromRevision, int maxCount,
        [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        if (maxCount == 0) yield break;
        await CatchUpAsync(ct).ConfigureAwait(false);
        List<long> positions;
        lock (index.Gate) positions = index.PositionsOf(stream, direction, fromRevision, maxCount);
        await foreach (var e in ReadPositionsAsync(positions, direction, ct).ConfigureAwait(false)) yield return e;
    }

    /// <summary>The ledger stream from position <paramref name="fromPosition"/> (its revision - 1), in pages.</summary>
    public async IAsyncEnumerable<StoredEvent> ReadAllAsync(long fromPosition, int maxCount, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        var next = Math.Max(1, fromPosition);
        var left = maxCount;
        while (left > 0)
        {
            var take = Math.Min(left, AllPage);
            var page = await ReadLedgerAsync(Direction.Forwards, next - 1, take, ct).ConfigureAwait(false);
            foreach (var e in page) yield return e;
            if (page.Count < take) yield break;
            next += page.Count;
            left -= page.Count;
        }
    }

    /// <summary>The last event of the ledger stream.</summary>
    public async Task<(long Position, string Hash)> ReadHeadAsync(CancellationToken ct)
    {
        var last = await ReadLedgerAsync(Direction.Backwards, long.MaxValue, 1, ct).ConfigureAwait(false);
        return last.Count == 0 ? (0, HashChain.Genesis) : (last[0].Position, last[0].Hash);
    }

    /// <summary>
    /// A subscription to the ledger stream after <paramref name="afterPosition"/>, on the leader. A transport or cluster
    /// failure resubscribes after the last event handed out (<see cref="StoreUnavailableException"/> once the attempts
    /// in a row are used up). Positions must go up by one: anything else is an error.
    /// </summary>
    public async IAsyncEnumerable<StoredEvent> SubscribeToAllAsync(long afterPosition, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterPosition);
        var next = afterPosition + 1;
        var failures = 0;
        while (true)
        {
            EsdbEndPoint? node = null;
            AsyncServerStreamingCall<ReadResp>? call = null;
            try
            {
                node = await leader.LeaderAsync(ct).ConfigureAwait(false);
                call = leader.StreamsOn(node).Read(EsdbMessages.SubscribeToStream(ledgerStream, next == 1 ? null : next - 2), leader.Headers, deadline: null, ct);
            }
            catch (RpcException e) when (!ct.IsCancellationRequested)
            {
                await leader.RecoverAsync(e, node, ++failures, ct).ConfigureAwait(false);
                continue;
            }

            using (call)
            {
                while (true)
                {
                    ReadResp response;
                    try
                    {
                        if (!await call.ResponseStream.MoveNext(ct).ConfigureAwait(false)) break;
                        response = call.ResponseStream.Current;
                    }
                    catch (RpcException failure) when (!ct.IsCancellationRequested)
                    {
                        await leader.RecoverAsync(failure, node, ++failures, ct).ConfigureAwait(false);
                        break;
                    }

                    if (response.ContentCase != ReadResp.ContentOneofCase.Event) continue;
                    failures = 0;
                    var e = EsdbMessages.ToStored(response.Event.Event);
                    if (e.Position < next) continue;
                    if (e.Position != next) throw new InvalidDataException($"The subscription to the ledger stream '{ledgerStream}' skipped from position {next - 1} to {e.Position}.");
                    next++;
                    yield return e;
                }
            }
        }
    }

    /// <summary>
    /// The ledger events at <paramref name="positions"/>, in the order given (ascending for forwards, descending for
    /// backwards). Near positions are read together and several reads are kept in flight.
    /// </summary>
    private async IAsyncEnumerable<StoredEvent> ReadPositionsAsync(List<long> positions, Direction direction, [EnumeratorCancellation] CancellationToken ct)
    {
        if (positions.Count == 0) yield break;
        var runs = Runs(positions);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var inFlight = new Queue<(int First, int Last, Task<List<StoredEvent>> Read)>();
        var started = 0;
        try
        {
            while (started < runs.Count || inFlight.Count > 0)
            {
                for (; started < runs.Count && inFlight.Count < ReadsInFlight; started++)
                {
                    var (first, last) = runs[started];
                    var span = (int)Math.Abs(positions[last] - positions[first]) + 1;
                    inFlight.Enqueue((first, last, ReadLedgerAsync(direction, positions[first] - 1, span, stop.Token)));
                }

                var run = inFlight.Dequeue();
                var wanted = run.First;
                foreach (var e in await run.Read.ConfigureAwait(false))
                {
                    if (wanted > run.Last || e.Position != positions[wanted]) continue;
                    wanted++;
                    yield return e;
                }

                if (wanted <= run.Last) throw new InvalidDataException($"The ledger stream '{ledgerStream}' has no event at position {positions[wanted]}, which the index holds.");
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            foreach (var (_, _, read) in inFlight) await Task.WhenAny(read).ConfigureAwait(false);
        }
    }

    /// <summary>Index ranges of <paramref name="positions"/> (monotonic) close enough to be read by one call each.</summary>
    private static List<(int First, int Last)> Runs(List<long> positions)
    {
        var runs = new List<(int, int)>();
        var first = 0;
        for (var i = 1; i <= positions.Count; i++)
        {
            if (i < positions.Count && Math.Abs(positions[i] - positions[i - 1]) <= MergeGap && Math.Abs(positions[i] - positions[first]) < AllPage) continue;
            runs.Add((first, i - 1));
            first = i;
        }

        return runs;
    }

    /// <summary>A bounded read of the ledger stream on the leader; empty when the stream does not exist yet.</summary>
    private Task<List<StoredEvent>> ReadLedgerAsync(Direction direction, long fromRevision, int count, CancellationToken ct)
    {
        var request = EsdbMessages.ReadStream(ledgerStream, direction, fromRevision, (ulong)count);
        return leader.RunAsync(async (client, c) =>
        {
            var events = new List<StoredEvent>(Math.Min(count, AllPage));
            using var call = client.Read(request, leader.Headers, leader.Deadline(), c);
            await foreach (var response in call.ResponseStream.ReadAllAsync(c).ConfigureAwait(false))
            {
                if (response.ContentCase == ReadResp.ContentOneofCase.StreamNotFound) break;
                if (response.ContentCase == ReadResp.ContentOneofCase.Event) events.Add(EsdbMessages.ToStored(response.Event.Event));
            }

            return events;
        }, ct);
    }
}
