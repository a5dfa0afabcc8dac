using System.Text;
using Compliance.Application.Store;

namespace Compliance.Adapters.EventStoreDb;

/// <summary>
/// The import path: events recorded in another store are appended to the ledger stream with their own recorded-at,
/// revisions and hashes, once <see cref="LedgerAppend.CheckImport"/> found that they extend the chain. A call is one
/// append unless it is larger than EventStoreDB takes at once; then it is several, each at its exact revision, and a
/// failure part-way leaves the ones before stored: import into an empty ledger stream and drop it if the import fails.
/// </summary>
public sealed partial class EventStoreDbEventStore : IEventImporter
{
    /// <summary>Bytes per append, well under EventStoreDB's default maximum append size (1 MiB).</summary>
    private const int ImportChunkBytes = 512 * 1024;

    /// <summary>Our metadata's size besides the strings it holds.</summary>
    private const int MetadataBytes = 400;

    public async Task ImportAsync(IReadOnlyList<StoredEvent> events, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0) return;
        await appendGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await CatchUpAsync(ct).ConfigureAwait(false);
            caughtUp = true;
            lock (index.Gate) LedgerAppend.CheckImport(events, index);
            foreach (var chunk in Chunks(events))
            {
                if (!await TryWriteAsync(chunk, EsdbMessages.LedgerExpected(chunk[0].Position - 1), ct).ConfigureAwait(false))
                    throw new LedgerImportException(0, $"the ledger stream '{ledgerStream}' moved during the import: another writer is appending to it");
            }
        }
        finally
        {
            appendGate.Release();
        }
    }

    private static IEnumerable<List<StoredEvent>> Chunks(IReadOnlyList<StoredEvent> events)
    {
        var chunk = new List<StoredEvent>();
        var bytes = 0;
        foreach (var e in events)
        {
            var size = Encoding.UTF8.GetByteCount(e.Json) + Encoding.UTF8.GetByteCount(e.Stream) + Encoding.UTF8.GetByteCount(e.Actor) + e.Type.Length + MetadataBytes;
            if (chunk.Count > 0 && bytes + size > ImportChunkBytes)
            {
                yield return chunk;
                chunk = [];
                bytes = 0;
            }

            chunk.Add(e);
            bytes += size;
        }

        if (chunk.Count > 0) yield return chunk;
    }
}
