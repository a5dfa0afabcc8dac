using Compliance.Application.Store;

namespace Compliance.Adapters.EventStoreDb;

public sealed partial class EventStoreDbEventStore
{
    /// <summary>Ledger events per read while the index catches up.</summary>
    private const int CatchUpPage = 4_096;

    /// <summary>
    /// Lets the append core decide on one snapshot of the index: the stored originals of the call's ids are read (only
    /// re-sent ids have any), and the plan is made only if the index did not move meanwhile. Returns the ledger stream's
    /// expected revision that goes with it.
    /// </summary>
    private async Task<(LedgerAppendPlan Plan, ExpectedRevision Expected)> PlanAsync(IReadOnlyList<StreamAppend> appends, CancellationToken ct)
    {
        while (true)
        {
            long head;
            var hits = new List<long>();
            lock (index.Gate)
            {
                head = index.Position;
                foreach (var append in appends)
                    foreach (var e in append.Events)
                        if (index.TryGetPosition(e.EventId, out var position)) hits.Add(position);
            }

            var stored = new Dictionary<Guid, StoredIdentity>();
            hits.Sort();
            await foreach (var e in ReadPositionsAsync(hits, Direction.Forwards, ct).ConfigureAwait(false))
                stored[e.EventId] = new StoredIdentity(e.Position, e.Stream, e.Revision, e.Type, e.Json, e.CausationId);
            var recordedAt = new DateTimeOffset(time.GetUtcNow().UtcTicks, TimeSpan.Zero);
            lock (index.Gate)
            {
                if (index.Position != head) continue;
                return (LedgerAppend.Plan(appends, stored, index, recordedAt), EsdbMessages.LedgerExpected(head));
            }
        }
    }

    /// <summary>Reads the ledger stream from the index's head to its end into the index (the whole ledger the first time).</summary>
    private async Task CatchUpAsync(CancellationToken ct)
    {
        await catchUpGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            while (true)
            {
                long from;
                lock (index.Gate) from = index.Position;
                var page = await ReadLedgerAsync(Direction.Forwards, from, CatchUpPage, ct).ConfigureAwait(false);
                lock (index.Gate)
                {
                    foreach (var e in page) index.Learn(e);
                }

                if (page.Count < CatchUpPage) return;
            }
        }
        finally
        {
            catchUpGate.Release();
        }
    }
}
