using Compliance.Application.Catalog;
using Compliance.Application.Evidence;
using Compliance.Application.Projections;
using Compliance.Application.Serialization;
using Compliance.Application.Store;
using Compliance.Domain.Events;
using Compliance.Domain.Verdicts;

namespace Compliance.Application.Reports;

/// <summary>
/// Computes an <see cref="AuditReport"/> from the ledger as recorded up to the request's as-of instant: a first pass
/// finds the as-of head, the catalog facts and the clusters (<see cref="LedgerIndex"/>); then each group of clusters
/// linked through staging is folded from its own streams and judged by the domain verdicts at as-of, in parallel and
/// one group at a time per worker, so memory stays bounded by the largest group. Each cluster's rows are collected for
/// the period and, for the trend, for the previous period of equal length. The first pass also verifies the hash
/// chain through the as-of head.
/// </summary>
public sealed class ReportBuilder(IEventReader reader, CatalogSnapshot catalog, EventSerializer? serializer = null)
{
    private const string Evaluating = "evaluating clusters";
    private readonly EventSerializer events = serializer ?? EventSerializer.Default;

    /// <exception cref="InvalidReportRequestException">the period is wrong, or the scope names no cluster or environment known at as-of.</exception>
    /// <exception cref="LedgerIntegrityException">an event up to the as-of head does not read as a known type.</exception>
    public async Task<AuditReport> BuildAsync(ReportRequest request, DateTimeOffset generatedAt, IProgress<ReportProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Problem() is { } problem) throw new InvalidReportRequestException(problem);
        var index = await LedgerIndex.ReadAsync(reader, catalog.Catalog, request.AsOf, events, progress, ct);
        if (index.Chain.BreakKind == ChainBreakKind.UnreadableEvent)
            throw new LedgerIntegrityException($"the ledger does not verify, so no report can be computed from it: {index.Chain.Failure} (run 'compliance verify')");
        var inScope = InScope(index.Registrations, request.Scope);

        var (sections, previous, scopes) = await EvaluateAsync(request, index, inScope, progress, ct);
        var (lines, policies) = ScopeLines.Of(scopes, inScope.Order(StringComparer.Ordinal).Select(id => index.Registrations[id]));
        var report = sections.Complete(generatedAt, index.Point, index.Chain, lines, policies, previous.Figures(index.Chain.Intact),
            CatalogSources(request, index, sections), index.CatalogFactsByProduct.Values.Sum());
        return report with
        {
            Export = new EvidenceManifest(EvidenceExportService.FileNameFor(request, EvidenceFormat.Csv), EvidenceExportService.FileNameFor(request, EvidenceFormat.Json),
                EvidencePopulations.Digests(report)),
        };
    }

    /// <summary>Each group folded and judged by one worker; the rows are merged in cluster id order whatever finished first.</summary>
    private async Task<(ReportSections Current, ReportSections Previous, Dictionary<string, ClusterScope> Scopes)> EvaluateAsync(
        ReportRequest request, LedgerIndex index, HashSet<string> inScope, IProgress<ReportProgress>? progress, CancellationToken ct)
    {
        var groups = ClusterFold.Groups(index.Registrations).Where(g => g.Any(inScope.Contains)).ToList();
        var parts = new Dictionary<string, (ReportSections Current, ReportSections Previous)>(StringComparer.Ordinal);
        var scopes = new Dictionary<string, ClusterScope>(StringComparer.Ordinal);
        var earlier = request.PreviousPeriod();
        var done = 0;
        progress?.Report(new ReportProgress(Evaluating, 0, inScope.Count));
        await Parallel.ForEachAsync(groups, new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = System.Environment.ProcessorCount }, async (group, token) =>
        {
            var (fleet, actors) = await ClusterFold.ReadAsync(reader, group, index.Catalog, index.Point.Position, events, token);
            foreach (var id in group.Where(inScope.Contains))
            {
                var part = new ReportSections(request, index.Catalog, index.Releases);
                var before = new ReportSections(earlier, index.Catalog, index.Releases, detail: false);
                ClusterScope? scope = null;
                if (fleet.Clusters.TryGetValue(id, out var history))
                {
                    var evaluated = ClusterEvaluation.Evaluate(fleet, history, request.AsOf);
                    part.Add(history, evaluated, actors);
                    before.Add(history, evaluated, actors);
                    scope = ClusterScope.Of(history, request, actors);
                }

                lock (parts)
                {
                    parts[id] = (part, before);
                    if (scope is not null) scopes[id] = scope;
                    progress?.Report(new ReportProgress(Evaluating, ++done, inScope.Count));
                }
            }
        });

        var sections = new ReportSections(request, index.Catalog, index.Releases);
        var previous = new ReportSections(earlier, index.Catalog, index.Releases, detail: false);
        foreach (var id in inScope.Order(StringComparer.Ordinal))
        {
            sections.Absorb(parts[id].Current);
            previous.Absorb(parts[id].Previous);
        }

        return (sections, previous, scopes);
    }

    private static HashSet<string> InScope(IReadOnlyDictionary<string, ClusterRegistered> registered, ReportScope scope)
    {
        var ids = registered.Keys.Order(StringComparer.Ordinal).ToList();
        switch (scope.Kind)
        {
            case ScopeKind.Cluster:
                return registered.ContainsKey(scope.Name)
                    ? new HashSet<string>([scope.Name], StringComparer.Ordinal)
                    : throw new InvalidReportRequestException($"no cluster '{scope.Name}' was registered by as-of (known: {Known(ids)})");
            case ScopeKind.Environment:
                var inEnvironment = ids.Where(id => EnvironmentOf(registered[id]) == scope.Name).ToHashSet(StringComparer.Ordinal);
                return inEnvironment.Count == 0
                    ? throw new InvalidReportRequestException($"no cluster in environment '{scope.Name}' by as-of (known: {Known(registered.Values.Select(EnvironmentOf).Distinct())})")
                    : inEnvironment;
            default:
                return ids.ToHashSet(StringComparer.Ordinal);
        }
    }

    private static string EnvironmentOf(ClusterRegistered r) => r.Environment.ToString().ToLowerInvariant();

    private static string Known(IEnumerable<string> names)
    {
        var list = names.Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list.Take(20)) + (list.Count > 20 ? $", ... ({list.Count} in all)" : "");
    }

    /// <summary>Provenance of every product the report's verdicts used, with its age on the as-of day.</summary>
    private List<CatalogSourceRow> CatalogSources(ReportRequest request, LedgerIndex index, ReportSections sections)
    {
        var day = Days.Of(request.AsOf);
        return [.. sections.ProductsUsed
            .Where(catalog.Provenance.ContainsKey)
            .Order(StringComparer.Ordinal)
            .Select(p => (Product: p, Source: catalog.Provenance[p]))
            .Select(p => new CatalogSourceRow(p.Product, p.Source.Cycles, p.Source.License, p.Source.RetrievedOn,
                Days.Between(p.Source.RetrievedOn, day), index.CatalogFactsByProduct.GetValueOrDefault(p.Product)))];
    }
}
