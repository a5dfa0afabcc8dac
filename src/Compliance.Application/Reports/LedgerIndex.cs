using Compliance.Application.Serialization;
using Compliance.Application.Store;
using Compliance.Domain.Catalog;
using Compliance.Domain.Deciders;
using Compliance.Domain.Events;
using Compliance.Domain.Verdicts;

namespace Compliance.Application.Reports;

/// <summary>
/// The first pass over the ledger as it stood at an instant: where its as-of head is (the last position recorded at
/// or before it), the catalog facts and cluster registrations up to there, and the hash chain verified through that
/// head. One read serves both: <see cref="HashChainVerifier"/> reads the ledger and each event it reads is indexed as it
/// passes. Only the small catalog and cluster streams are deserialized; each cluster's history is read later, one group
/// at a time (<see cref="ClusterFold"/>), so a large fleet is never held in memory whole. Nothing after the as-of head
/// is used, so nothing learnt after as-of leaks into a report.
/// </summary>
internal sealed record LedgerIndex(
    LedgerPoint Point,
    ChainCheck Chain,
    ReleaseCatalog Catalog,
    IReadOnlyDictionary<string, int> CatalogFactsByProduct,
    IReadOnlyDictionary<string, ClusterRegistered> Registrations,
    ReleaseFacts Releases)
{
    private const int PageSize = 5_000;
    private static readonly string CatalogPrefix = Streams.Catalog("");
    private static readonly string ClusterPrefix = Streams.Cluster("");

    public static async Task<LedgerIndex> ReadAsync(
        IEventReader reader, ReleaseCatalog shipped, DateTimeOffset asOf, EventSerializer serializer, IProgress<ReportProgress>? progress, CancellationToken ct)
    {
        var catalogFacts = new List<(long Position, CatalogEvent Fact, Citation Citation)>();
        var registrations = new List<(long Position, ClusterRegistered Registration)>();
        StoredEvent? head = null;
        long seen = 0;
        var next = 1L;

        var verification = await HashChainVerifier.VerifyAsync(new TeeReader(reader, Observe), PageSize, serializer, ct);
        // The verifier stops at a break; the rest is still read for the index (a later event may be recorded by as-of).
        while (verification.FirstBreak is not null)
        {
            var inPage = 0;
            await foreach (var e in reader.ReadAllAsync(next, PageSize, ct))
            {
                inPage++;
                Observe(e);
            }

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
            Through(verification, point),
            facts.Count == 0 ? shipped : shipped.With(facts),
            facts.GroupBy(f => f.Product).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            clusters,
            new ReleaseFacts(shipped, catalogFacts.Where(f => f.Position <= last && f.Fact is PatchReleased).Select(f => ((PatchReleased)f.Fact, f.Citation))));

        void Observe(StoredEvent e)
        {
            if (e.Position < next) return;
            next = e.Position + 1;
            if (++seen % PageSize == 0) progress?.Report(new ReportProgress("reading and verifying the ledger", (int)Math.Min(seen, int.MaxValue), 0));
            if (e.RecordedAt <= asOf) head = e;
            if (e.Stream.StartsWith(CatalogPrefix, StringComparison.Ordinal) && Read(e) is CatalogEvent fact)
                catalogFacts.Add((e.Position, fact, new Citation("release", new EvidenceRef(e.Stream, e.Revision, e.Position), e.Actor)));
            else if (e.Stream.StartsWith(ClusterPrefix, StringComparison.Ordinal) && Read(e) is ClusterRegistered r) registrations.Add((e.Position, r));
        }

        // An event that does not read is the verifier's to report (UnreadableEvent); the index passes over it.
        DomainEvent? Read(StoredEvent e)
        {
            try
            {
                return serializer.FromStored(e);
            }
            catch (Exception x) when (x is UnknownEventTypeException or System.Text.Json.JsonException or NotSupportedException or InvalidOperationException)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// The verification of positions 1 to the as-of head, the history the report stands on: a break beyond it does not
    /// concern this report (and later appends cannot change the answer), a break within it fails the report.
    /// </summary>
    private static ChainCheck Through(ChainVerification v, LedgerPoint point)
    {
        if (v.FirstBreak is { } b && b.Position <= point.Position)
            return new ChainCheck(false, v.Verified, v.HeadPosition, v.HeadHash, $"event at position {b.Position} (stream {b.Stream}, id {b.EventId}): {b.Kind}: {b.Detail}", false, b.Kind);
        return new ChainCheck(true, point.Position, point.Position, point.Hash, null, true);
    }
}
