using Compliance.Adapters.EventStoreDb.Grpc;
using Compliance.Application.Store;

namespace Compliance.Adapters.EventStoreDb;

/// <summary>
/// The import path: events recorded in another store are appended with their own recorded-at, sequence and hashes, one
/// append per run of consecutive events of a stream, each at the exact revision it had. Every event is checked first
/// against the chain so far (sequence follows the head, previous hash is the head's, hash recomputes). EventStoreDB has
/// no multi-stream transaction, so a server failure part-way leaves the runs before it stored: import into an empty
/// database (or a fresh stream prefix) and drop it if the import fails.
/// </summary>
public sealed partial class EventStoreDbEventStore : IEventImporter
{
    public async Task ImportAsync(IReadOnlyList<StoredEvent> events, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0) return;
        await _appendLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var (head, headHash) = await ReadHeadAsync(ct).ConfigureAwait(false);
            foreach (var e in events)
            {
                if (e.Position != head + 1) throw new LedgerImportException(0, $"event {e.EventId} has sequence {e.Position} but the store's next is {head + 1}");
                if (e.PreviousHash != headHash) throw new LedgerImportException(0, $"event {e.EventId} has previous hash {e.PreviousHash} but the store's head hash is {headHash}");
                var hash = HashChain.Compute(e, e.PreviousHash);
                if (hash != e.Hash) throw new LedgerImportException(0, $"event {e.EventId} hashes to {hash}, not to the imported {e.Hash}");
                head = e.Position;
                headHash = e.Hash;
            }

            for (var start = 0; start < events.Count;)
            {
                var end = start + 1;
                while (end < events.Count && events[end].Stream == events[start].Stream && events[end].Revision == events[end - 1].Revision + 1) end++;
                await AppendRecordedAsync(events.Skip(start).Take(end - start).ToList(), ct).ConfigureAwait(false);
                start = end;
            }
        }
        finally
        {
            _appendLock.Release();
        }
    }

    private async Task AppendRecordedAsync(List<StoredEvent> run, CancellationToken ct)
    {
        var first = run[0];
        var expected = first.Revision == 0 ? ExpectedRevision.NoStream : ExpectedRevision.Exact(first.Revision - 1);
        var options = new AppendReq { Options = EsdbMessages.AppendOptions(_prefix + first.Stream, expected) };
        var proposed = run.Select(e => new AppendReq
        {
            ProposedMessage = EsdbMessages.Proposed(
                new EventToAppend(e.EventId, e.Type, e.SchemaVersion, e.Json, new EventMetadata(e.Actor, e.CorrelationId, e.CausationId)),
                EsdbEventMetadata.For(e)),
        }).ToList();
        var response = await _retry.RunAsync(c => SendAppendAsync(options, proposed, c), ct).ConfigureAwait(false);
        if (response.ResultCase == AppendResp.ResultOneofCase.WrongExpectedVersion)
            throw new LedgerImportException(0, $"stream '{first.Stream}' is not at revision {first.Revision - 1} in EventStoreDB (actual {EsdbMessages.ActualRevision(response.WrongExpectedVersion)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no stream"})");
    }
}
