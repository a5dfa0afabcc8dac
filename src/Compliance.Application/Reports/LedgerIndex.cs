using Compliance.Application.Serialization;
using Compliance.Application.Store;
using Compliance.Domain.Catalog;
using Compliance.Domain.Deciders;
using Compliance.Domain.Events;

namespace Compliance.Application.Reports;

/// <summary>
/// The first pass over the ledger as it stood at an instant: where its as-of head is (the last position recorded at
/// or before it), the catalog facts and cluster registrations up to there. Only those small streams are deserialized;
/// each cluster's history is read later, one group at a time (<see cref="ClusterFold"/>), so a large fleet is never
/// held in memory whole. Nothing after the as-of head is used, so nothing learnt after as-of leaks into a report.
/// </summary>
internal sealed record LedgerIndex(
    LedgerPoint Point,
    ReleaseCatalog Catalog,
    IReadOnlyDictionary<string, int> CatalogFactsByProduct,
    IReadOnlyDictionary<string, ClusterRegistered> Registrations)
{
    private const int PageSize = 5_000;

    public static async Task<LedgerIndex> ReadAsync(
        IEventReader reader, ReleaseCatalog shipped, DateTimeOffset asOf, EventSerializer serializer, IProgress<ReportProgress>? progress, CancellationToken ct)
    {
        var catalogFacts = new List<(long Position, CatalogEvent Fact)>();
        var registrations = new List<(long Position, ClusterRegistered Registration)>();
        StoredEvent? head = null;
        long seen = 0;
        var next = 1L;
        while (true)
        {
            var inPage = 0;
            await foreach (var e in reader.ReadAllAsync(next, PageSize, ct))
            {
                inPage++;
                seen++;
                next = e.Position + 1;
                if (e.RecordedAt <= asOf) head = e;
                if (e.Stream.StartsWith(CatalogPrefix, StringComparison.Ordinal) && serializer.FromStored(e) is CatalogEvent fact) catalogFacts.Add((e.Position, fact));
                else if (e.Stream.StartsWith(ClusterPrefix, StringComparison.Ordinal) && serializer.FromStored(e) is ClusterRegistered r) registrations.Add((e.Position, r));
            }

            progress?.Report(new ReportProgress("reading the ledger", (int)Math.Min(seen, int.MaxValue), 0));
            if (inPage < PageSize) break;
        }

        // Every position up to the as-of head counts, even one recorded later than as-of before it (a clock step back).
        var last = head?.Position ?? 0;
        var facts = catalogFacts.Where(f => f.Position <= last).Select(f => f.Fact).ToList();
        var clusters = new Dictionary<string, ClusterRegistered>(StringComparer.Ordinal);
        foreach (var (_, r) in registrations.Where(r => r.Position <= last)) clusters.TryAdd(r.ClusterId, r);
        var point = head is null ? new LedgerPoint(0, HashChain.Genesis, null, 0) : new LedgerPoint(head.Position, head.Hash, head.RecordedAt, head.Position);
        return new LedgerIndex(
            point,
            facts.Count == 0 ? shipped : shipped.With(facts),
            facts.GroupBy(f => f.Product).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            clusters);
    }

    private static readonly string CatalogPrefix = Streams.Catalog("");
    private static readonly string ClusterPrefix = Streams.Cluster("");
}
