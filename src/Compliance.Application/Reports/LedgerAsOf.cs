using Compliance.Application.Projections;
using Compliance.Application.Serialization;
using Compliance.Application.Store;
using Compliance.Domain.Catalog;
using Compliance.Domain.Events;
using Compliance.Domain.Verdicts;

namespace Compliance.Application.Reports;

/// <summary>
/// The ledger as it stood at an instant: every event up to the last position recorded at or before it, folded into a
/// <see cref="FleetState"/> (the shipped catalog with the catalog facts recorded by then). Events recorded later are
/// never read into the fold, so nothing learnt after as-of can leak into a report about it.
/// </summary>
public sealed record LedgerAsOf(FleetState Fleet, LedgerPoint Point, IReadOnlyDictionary<string, int> CatalogFactsByProduct)
{
    private const int PageSize = 5_000;

    public static async Task<LedgerAsOf> ReadAsync(
        IEventReader reader, ReleaseCatalog shipped, DateTimeOffset asOf, EventSerializer serializer, IProgress<ReportProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var fleet = new FleetState(shipped);
        var facts = new Dictionary<string, int>(StringComparer.Ordinal);
        // Events recorded after as-of wait here: they count only if an event at or before as-of follows them.
        var later = new List<(StoredEvent Stored, DomainEvent Decoded)>();
        StoredEvent? last = null;
        long read = 0;
        var next = 1L;
        while (true)
        {
            var page = new List<StoredEvent>(PageSize);
            await foreach (var e in reader.ReadAllAsync(next, PageSize, ct)) page.Add(e);
            // Deserializing is most of the read's cost and independent per event; the fold stays in ledger order.
            var decoded = page.AsParallel().AsOrdered().WithCancellation(ct).Select(serializer.FromStored).ToArray();
            for (var i = 0; i < page.Count; i++)
            {
                var e = page[i];
                next = e.Position + 1;
                if (e.RecordedAt > asOf)
                {
                    later.Add((e, decoded[i]));
                    continue;
                }

                foreach (var (heldEvent, heldDecoded) in later) Fold(heldEvent, heldDecoded);
                later.Clear();
                Fold(e, decoded[i]);
            }

            progress?.Report(new ReportProgress("reading the ledger", (int)Math.Min(read, int.MaxValue), 0));
            if (page.Count < PageSize) break;
        }

        var point = last is null
            ? new LedgerPoint(0, HashChain.Genesis, null, 0)
            : new LedgerPoint(last.Position, last.Hash, last.RecordedAt, read);
        return new LedgerAsOf(fleet, point, facts);

        void Fold(StoredEvent e, DomainEvent domainEvent)
        {
            if (domainEvent is CatalogEvent c) facts[c.Product] = facts.GetValueOrDefault(c.Product) + 1;
            if (domainEvent is not ReportIssued) fleet.Apply(new RecordedFact(domainEvent, e.Stream, e.Revision, e.Position, e.RecordedAt));
            last = e;
            read++;
        }
    }
}
