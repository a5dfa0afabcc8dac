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

        progress?.Report(new ReportProgress("verifying the hash chain and evaluating clusters", 0, clusters.Count));
        // The history the report stands on: positions 1 to the as-of head (later appends cannot change the answer).
        // Verified while the clusters are evaluated: both only read.
        var verifying = Task.Run(() => HashChainVerifier.VerifyAsync(new LedgerPrefix(reader, ledger.Point.Position), ct), ct);
        var sections = Evaluate(request, fleet, clusters, progress, ct);
        var verification = await verifying;
        var chain = new ChainCheck(
            verification.Intact, verification.Verified, verification.HeadPosition, verification.HeadHash,
            verification.FirstBreak is { } b ? $"event at position {b.Position} (stream {b.Stream}, id {b.EventId}): {b.Kind}: {b.Detail}" : null,
            verification.Intact);

        var lines = clusters.Select(c => ClusterEvaluation.Row(c))
            .Select(r => new ClusterLine(r.ClusterId, r.DisplayName, r.Environment, r.OwnerTeam, r.Flavour.ToString(), r.StagingClusterId))
            .ToList();
        var sources = CatalogSources(request, ledger, sections);
        return sections.Complete(generatedAt, ledger.Point, chain, lines, sources, ledger.CatalogFactsByProduct.Values.Sum());
    }

    /// <summary>Each cluster's rows computed in parallel (the fold is only read), then merged in cluster order.</summary>
    private static ReportSections Evaluate(ReportRequest request, FleetState fleet, List<ClusterHistory> clusters, IProgress<ReportProgress>? progress, CancellationToken ct)
    {
        var catalog = fleet.Catalog;
        var parts = new ReportSections[clusters.Count];
        var done = 0;
        Parallel.For(0, clusters.Count, new ParallelOptions { CancellationToken = ct }, i =>
        {
            var part = new ReportSections(request, catalog);
            part.Add(clusters[i], ClusterEvaluation.Evaluate(fleet, clusters[i], request.AsOf));
            parts[i] = part;
            var count = Interlocked.Increment(ref done);
            if (progress is not null)
            {
                lock (parts) progress.Report(new ReportProgress("verifying the hash chain and evaluating clusters", count, clusters.Count));
            }
        });
        var sections = new ReportSections(request, catalog);
        foreach (var part in parts) sections.Absorb(part);
        return sections;
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
