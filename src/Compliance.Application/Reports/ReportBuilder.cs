using Compliance.Application.Catalog;
using Compliance.Application.Projections;
using Compliance.Application.Serialization;
using Compliance.Application.Store;
using Compliance.Domain.Verdicts;

namespace Compliance.Application.Reports;

/// <summary>
/// Computes an <see cref="AuditReport"/> from the ledger as recorded up to the request's as-of instant: the fold of
/// <see cref="LedgerAsOf"/>, the domain verdicts evaluated at as-of, and the whole chain verified.
/// </summary>
public sealed class ReportBuilder(IEventReader reader, CatalogSnapshot catalog, EventSerializer? serializer = null)
{
    private readonly EventSerializer events = serializer ?? EventSerializer.Default;

    /// <exception cref="InvalidReportRequestException">the period is wrong, or the scope names no cluster or environment known at as-of.</exception>
    public async Task<AuditReport> BuildAsync(ReportRequest request, DateTimeOffset generatedAt, IProgress<ReportProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Problem() is { } problem) throw new InvalidReportRequestException(problem);
        var ledger = await LedgerAsOf.ReadAsync(reader, catalog.Catalog, request.AsOf, events, progress, ct);
        var fleet = ledger.Fleet;
        var clusters = InScope(fleet, request.Scope);

        progress?.Report(new ReportProgress("verifying the hash chain", 0, 0));
        // The history the report stands on: positions 1 to the as-of head (later appends cannot change the answer).
        var verification = await HashChainVerifier.VerifyAsync(new LedgerPrefix(reader, ledger.Point.Position), ct);
        var chain = new ChainCheck(
            verification.Intact, verification.Verified, verification.HeadPosition, verification.HeadHash,
            verification.FirstBreak is { } b ? $"event at position {b.Position} (stream {b.Stream}, id {b.EventId}): {b.Kind}: {b.Detail}" : null,
            verification.Intact);

        var sections = new ReportSections(request, fleet.Catalog);
        for (var i = 0; i < clusters.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var history = clusters[i];
            sections.Add(history, ClusterEvaluation.Evaluate(fleet, history, request.AsOf));
            progress?.Report(new ReportProgress("evaluating clusters", i + 1, clusters.Count));
        }

        var lines = clusters.Select(c => ClusterEvaluation.Row(c))
            .Select(r => new ClusterLine(r.ClusterId, r.DisplayName, r.Environment, r.OwnerTeam, r.Flavour.ToString(), r.StagingClusterId))
            .ToList();
        var sources = CatalogSources(request, ledger, sections);
        return sections.Complete(generatedAt, ledger.Point, chain, lines, sources, ledger.CatalogFactsByProduct.Values.Sum());
    }

    private static List<ClusterHistory> InScope(FleetState fleet, ReportScope scope)
    {
        var registered = fleet.Clusters.Values.Where(c => c.Registration is not null).OrderBy(c => c.ClusterId, StringComparer.Ordinal).ToList();
        switch (scope.Kind)
        {
            case ScopeKind.Cluster:
                var cluster = registered.FirstOrDefault(c => c.ClusterId == scope.Name);
                return cluster is null
                    ? throw new InvalidReportRequestException($"no cluster '{scope.Name}' was registered by as-of (known: {Known(registered.Select(c => c.ClusterId))})")
                    : [cluster];
            case ScopeKind.Environment:
                var inEnvironment = registered.Where(c => EnvironmentOf(c) == scope.Name).ToList();
                return inEnvironment.Count == 0
                    ? throw new InvalidReportRequestException($"no cluster in environment '{scope.Name}' by as-of (known: {Known(registered.Select(EnvironmentOf).Distinct())})")
                    : inEnvironment;
            default:
                return registered;
        }
    }

    private static string EnvironmentOf(ClusterHistory c) => c.Registration!.Environment.ToString().ToLowerInvariant();

    private static string Known(IEnumerable<string> names)
    {
        var list = names.Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list.Take(20)) + (list.Count > 20 ? $", ... ({list.Count} in all)" : "");
    }

    /// <summary>Provenance of every product the report's verdicts used, with its age on the as-of day.</summary>
    private List<CatalogSourceRow> CatalogSources(ReportRequest request, LedgerAsOf ledger, ReportSections sections)
    {
        var day = Days.Of(request.AsOf);
        return [.. sections.ProductsUsed
            .Where(catalog.Provenance.ContainsKey)
            .Order(StringComparer.Ordinal)
            .Select(p => (Product: p, Source: catalog.Provenance[p]))
            .Select(p => new CatalogSourceRow(p.Product, p.Source.Cycles, p.Source.License, p.Source.RetrievedOn,
                Days.Between(p.Source.RetrievedOn, day), ledger.CatalogFactsByProduct.GetValueOrDefault(p.Product)))];
    }
}
