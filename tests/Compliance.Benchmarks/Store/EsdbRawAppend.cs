using Compliance.Adapters.EventStoreDb;
using Compliance.Adapters.EventStoreDb.Grpc;
using Compliance.Application.Store;

namespace Compliance.Benchmarks.Store;

/// <summary>
/// The floor the store is measured against: plain gRPC appends of the same events (the ledger's data and custom
/// metadata, hashed and chained as the store would) to a stream of their own at exact revisions, on the leader, with
/// nothing else around them. The messages are made before the clock starts; the store makes its own inside the timing.
/// </summary>
internal sealed class EsdbRawAppend(EsdbSettings settings, string stream) : IDisposable
{
    private readonly EsdbLeader leader = new(settings);
    private Streams.StreamsClient? client;
    private long revision = -1;
    private string previousHash = HashChain.Genesis;

    /// <summary>The calls to make: each one append of <paramref name="perCall"/> of <paramref name="rows"/>, continuing this stream.</summary>
    public List<List<AppendReq>> Prepare(IReadOnlyList<EventToAppend> rows, int perCall)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var calls = new List<List<AppendReq>>();
        var recordedAt = DateTimeOffset.UtcNow;
        for (var start = 0; start < rows.Count; start += perCall)
        {
            var call = new List<AppendReq> { new() { Options = EsdbMessages.AppendOptions(stream, EsdbMessages.LedgerExpected(revision + 1)) } };
            foreach (var e in rows.Skip(start).Take(perCall))
            {
                revision++;
                var m = e.Metadata;
                var hash = HashChain.Compute(previousHash, e.EventId, "raw", revision, e.Type, e.SchemaVersion, recordedAt, m.Actor, m.CorrelationId, m.CausationId, e.Json);
                var stored = new StoredEvent(e.EventId, "raw", revision, revision + 1, e.Type, e.SchemaVersion, recordedAt, m.Actor, m.CorrelationId,
                    m.CausationId, e.Json, previousHash, hash);
                call.Add(new AppendReq { ProposedMessage = EsdbMessages.Proposed(stored) });
                previousHash = hash;
            }

            calls.Add(call);
        }

        return calls;
    }

    /// <summary>One append call; throws unless the server confirms it.</summary>
    public async Task AppendAsync(List<AppendReq> messages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(messages);
        client ??= leader.StreamsOn(await leader.LeaderAsync(ct).ConfigureAwait(false));
        using var call = client.Append(leader.Headers, leader.Deadline(), ct);
        foreach (var message in messages) await call.RequestStream.WriteAsync(message, ct).ConfigureAwait(false);
        await call.RequestStream.CompleteAsync().ConfigureAwait(false);
        var response = await call.ResponseAsync.ConfigureAwait(false);
        if (response.ResultCase != AppendResp.ResultOneofCase.Success)
            throw new InvalidOperationException($"the raw append to '{stream}' was refused: {response.ResultCase}");
    }

    public void Dispose() => leader.Dispose();
}
