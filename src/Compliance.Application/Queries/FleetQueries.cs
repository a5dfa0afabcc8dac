using Compliance.Application.ReadModels;
using Compliance.Application.Serialization;
using Compliance.Application.Store;
using Compliance.Domain.Catalog;
using Compliance.Domain.Events;
using Compliance.Domain.Verdicts;

namespace Compliance.Application.Queries;

/// <summary>
/// Questions asked of the read models, answered as of a requested date: the stored rows are time-stamped facts, and
/// the domain's verdict functions turn them into levels and SLA states for that date.
/// </summary>
public sealed class FleetQueries(IReadModelStore readModels, ReleaseCatalog shippedCatalog, EventSerializer? serializer = null)
{
    private readonly EventSerializer events = serializer ?? EventSerializer.Default;

    /// <summary>The shipped catalog with the catalog facts the ledger had recorded by <paramref name="asOf"/>.</summary>
    public async Task<ReleaseCatalog> CatalogAsync(DateTimeOffset asOf, CancellationToken ct)
    {
        var facts = await readModels.CatalogFactsAsync(asOf, ct);
        return facts.Count == 0
            ? shippedCatalog
            : shippedCatalog.With(facts.Select(f => (CatalogEvent)events.FromStored(AsStored(f))));
    }

    /// <summary>The ledger position the read models reflect; unchanged means no event was projected since.</summary>
    public Task<long> CheckpointAsync(CancellationToken ct) => readModels.ReadCheckpointAsync(ct);

    public async Task<IReadOnlyList<ClusterRow>> ClustersAsync(CancellationToken ct) => await readModels.ClustersAsync(ct);

    /// <summary>The cluster, or null when no cluster has that id.</summary>
    public async Task<ClusterRow?> ClusterAsync(string clusterId, CancellationToken ct) =>
        (await readModels.ClustersAsync(ct)).FirstOrDefault(c => c.ClusterId == clusterId);

    /// <summary>
    /// EOL risk per running version at the end of day <paramref name="asOf"/>, for one cluster or the fleet; worst first.
    /// A component whose risk an exception accepts that day carries the acceptance (it is shown, not left out).
    /// </summary>
    public async Task<IReadOnlyList<EolRiskVerdict>> EolRiskAsync(string? clusterId, DateOnly asOf, CancellationToken ct)
    {
        var endOfDay = Days.EndOf(asOf);
        var catalog = await CatalogAsync(endOfDay, ct);
        var clusters = (await readModels.ClustersAsync(ct)).ToDictionary(c => c.ClusterId, StringComparer.Ordinal);
        var running = await readModels.ComponentsAtAsync(clusterId, endOfDay, ct);
        var exceptions = await ExceptionsAsync(clusterId, endOfDay, ct);
        return [.. running
            .GroupBy(r => r.ClusterId, StringComparer.Ordinal)
            .Where(g => clusters.ContainsKey(g.Key))
            .SelectMany(g => EolRisk.Evaluate(g.Key, g.Select(r => r.Component), clusters[g.Key].Policy, catalog, asOf))
            .Select(v => Exceptions.Covering(v, exceptions) is { } accepted ? v with { Accepted = accepted } : v)
            .OrderBy(v => EolRisk.Severity(v.Level))
            .ThenBy(v => v.ClusterId, StringComparer.Ordinal)];
    }

    /// <summary>Exceptions requested by <paramref name="asOf"/> on one cluster or the fleet, as they stood then.</summary>
    public async Task<IReadOnlyList<ExceptionVerdict>> ExceptionsAsync(string? clusterId, DateTimeOffset asOf, CancellationToken ct) =>
        [.. (await readModels.ExceptionsAsync(clusterId, ct)).Select(x => Exceptions.At(x, asOf)).OfType<ExceptionVerdict>()];

    /// <summary>Patches released by <paramref name="asOf"/> with their state on that instant.</summary>
    public async Task<IReadOnlyList<PatchLatencyVerdict>> PatchLatencyAsync(string? clusterId, DateTimeOffset asOf, CancellationToken ct) =>
        [.. (await readModels.PatchesAsync(clusterId, ct)).Select(p => PatchLatency.At(p, asOf)).OfType<PatchLatencyVerdict>()];

    /// <summary>Findings detected by <paramref name="asOf"/>, with their resolution as known then.</summary>
    public Task<IReadOnlyList<Finding>> FindingsAsync(string? clusterId, DateTimeOffset asOf, CancellationToken ct) => FindingsAsync(clusterId, null, asOf, ct);

    /// <summary>Findings of one kind (or every kind when null) detected by <paramref name="asOf"/>, with their resolution as known then.</summary>
    public async Task<IReadOnlyList<Finding>> FindingsAsync(string? clusterId, FindingKind? kind, DateTimeOffset asOf, CancellationToken ct) =>
        [.. (await readModels.FindingsAsync(clusterId, kind, ct))
            .Where(f => f.DetectedAt <= asOf)
            .Select(f => f.ResolvedAt > asOf ? f with { ResolvedAt = null } : f)];

    public Task<IReadOnlyList<AuditEntry>> AuditLogAsync(string clusterId, int skip, int take, CancellationToken ct) =>
        readModels.AuditLogAsync(clusterId, skip, take, ct);

    private static StoredEvent AsStored(CatalogFactRow f) =>
        new(Guid.Empty, "", 0, f.Position, f.Type, 1, f.RecordedAt, "", Guid.Empty, Guid.Empty, f.Json, "", "");
}
