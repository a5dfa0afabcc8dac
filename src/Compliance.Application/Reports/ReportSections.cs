using Compliance.Application.ReadModels;
using Compliance.Domain.Catalog;
using Compliance.Domain.Verdicts;

namespace Compliance.Application.Reports;

/// <summary>
/// Collects each in-scope cluster's rows for the report's sections, then orders them and computes the summary. With
/// <paramref name="detail"/> false only the rows the period's figures need are collected (the previous period of the
/// trend): no change, notice or staging row, timeline, drain estimate or forward view.
/// </summary>
internal sealed partial class ReportSections(ReportRequest request, ReleaseCatalog catalog, ReleaseFacts releases, bool detail = true)
{
    private readonly List<EolRow> eol = [];
    private readonly List<TimelineRow> timelines = [];
    private readonly List<PatchRow> patches = [];
    private readonly List<FindingRow> findings = [];
    private readonly List<ExceptionRow> exceptions = [];
    private readonly List<ForwardRow> forward = [];
    private readonly HashSet<string> products = new(StringComparer.Ordinal);

    public IEnumerable<string> ProductsUsed => products;

    public void Add(ClusterHistory history, ClusterReadModel evaluated, ActorIndex actors)
    {
        var environment = evaluated.Cluster.Environment;
        var owner = evaluated.Cluster.OwnerTeam;
        var day = Days.Of(request.PeriodEnd);
        var verdicts = EolRisk.Evaluate(history, catalog, day);
        // The exceptions as they stood at the end of the period, the day the EOL rows and findings are judged on.
        var inForce = evaluated.Exceptions.Select(x => Exceptions.At(x, request.PeriodEnd)).OfType<ExceptionVerdict>().ToList();
        AddEol(history, verdicts, inForce, environment, owner, actors);

        var start = request.PeriodStart;
        var inPeriod = evaluated.Patches.Where(p => (p.ReleasedAt >= start && p.ReleasedAt <= request.PeriodEnd) || CarriedOver(p)).ToList();
        foreach (var group in inPeriod.GroupBy(p => (p.Product, p.Cycle, p.Patch)))
        {
            products.Add(group.Key.Product);
            var row = PatchRow.Of(environment, owner, [.. group], releases.Of(group.Key.Product, group.Key.Patch), actors, start);
            if (!row.CarriedOver || row.Status != SlaStatus.Met) patches.Add(row);
        }

        // Every finding is the domain's (process checks, drain risks, EOL production components, overdue patches), as the
        // API and the CLI state them, with its due date and the exception that accepts it.
        var clusterFindings = evaluated.Findings
            .Where(f => f.DetectedAt <= request.PeriodEnd && (f.ResolvedAt is null || f.ResolvedAt >= start))
            .Select(f => new FindingRow(f.ClusterId, FindingKinds.Key(f.Kind), f.Subject, f.Detail, f.DetectedAt, f.DueAt, f.ResolvedAt,
                f.Owner.Length > 0 ? f.Owner : owner, Cited(f, actors), ExceptionOf(f, inForce, actors)))
            .ToList();
        AddMaintenance(history, evaluated.Findings, actors);
        findings.AddRange(clusterFindings);
        exceptions.AddRange(ExceptionRow.Of(evaluated.Exceptions, start, request.PeriodEnd, actors));
        if (!detail) return;
        AddChanges(history, evaluated.Findings, actors);
        timelines.Add(Timeline(history));
        forward.Add(Forward(history, day == Days.Of(request.AsOf) ? verdicts : EolRisk.Evaluate(history, catalog, Days.Of(request.AsOf)), environment, owner, actors));
    }

    /// <summary>Released before the period and not applied by its start: still owed in the period.</summary>
    private bool CarriedOver(PatchLatencyVerdict p) => p.ReleasedAt < request.PeriodStart && (p.AppliedAt is null || p.AppliedAt >= request.PeriodStart);

    /// <summary>Takes another cluster's rows after the ones collected so far.</summary>
    public void Absorb(ReportSections other)
    {
        eol.AddRange(other.eol);
        timelines.AddRange(other.timelines);
        patches.AddRange(other.patches);
        findings.AddRange(other.findings);
        exceptions.AddRange(other.exceptions);
        forward.AddRange(other.forward);
        products.UnionWith(other.products);
        windows.AddRange(other.windows);
        notices.AddRange(other.notices);
        staging.AddRange(other.staging);
        changes.AddRange(other.changes);
        drainWindows.AddRange(other.drainWindows);
    }

    /// <summary>The figures of the collected rows (the previous period of the trend is collected without detail and read this way).</summary>
    public PeriodFigures Figures(bool chainIntact) => PeriodFigures.Of(request, chainIntact, eol, patches, windows, findings);

    public AuditReport Complete(
        DateTimeOffset generatedAt, LedgerPoint point, ChainCheck chain, IReadOnlyList<ClusterLine> clusters, IReadOnlyList<PolicyLine> policies,
        PeriodFigures previous, IReadOnlyList<CatalogSourceRow> sources, int catalogFacts)
    {
        var orderedEol = eol
            .OrderBy(r => EolRisk.Severity(r.Level))
            .ThenBy(r => r.DueOn ?? DateOnly.MaxValue)
            .ThenBy(r => r.ClusterId, StringComparer.Ordinal)
            .ThenBy(r => r.Component, StringComparer.Ordinal)
            .ToList();
        var orderedPatches = patches
            .OrderBy(p => p.ReleasedAt).ThenBy(p => p.Product, StringComparer.Ordinal).ThenBy(p => p.Version, StringComparer.Ordinal)
            .ThenBy(p => p.ClusterId, StringComparer.Ordinal).ThenBy(p => p.Component, StringComparer.Ordinal)
            .ToList();
        var orderedFindings = findings
            .OrderBy(f => f.RaisedAt).ThenBy(f => f.ClusterId, StringComparer.Ordinal).ThenBy(f => f.Kind, StringComparer.Ordinal).ThenBy(f => f.Subject, StringComparer.Ordinal)
            .ToList();
        var orderedWindows = windows.OrderBy(w => w.StartsAt).ThenBy(w => w.ClusterId, StringComparer.Ordinal).ToList();
        var orderedNotices = notices.OrderBy(n => n.StartsAt).ThenBy(n => n.ClusterId, StringComparer.Ordinal).ToList();
        var orderedStaging = staging.OrderBy(s => s.TakenAt).ThenBy(s => s.ClusterId, StringComparer.Ordinal).ToList();
        var orderedChanges = changes.OrderBy(c => c.At).ThenBy(c => c.ClusterId, StringComparer.Ordinal).ThenBy(c => c.Kind).ThenBy(c => c.Product, StringComparer.Ordinal).ToList();
        var orderedDrains = drainWindows.OrderBy(d => d.StartsAt).ThenBy(d => d.ClusterId, StringComparer.Ordinal).ToList();
        var current = PeriodFigures.Of(request, chain.Intact, orderedEol, orderedPatches, orderedWindows, orderedFindings);
        return new AuditReport(
            request, generatedAt, point, chain, clusters, policies,
            new PeriodTrend(previous, current),
            ClusterResult.Of(clusters, request, orderedEol, orderedPatches, orderedWindows, orderedNotices, orderedStaging, orderedChanges, orderedDrains, orderedFindings),
            orderedEol,
            Unknowns(orderedEol),
            [.. timelines.Where(t => t.Segments.Count > 0)],
            orderedPatches,
            orderedWindows,
            orderedNotices,
            orderedStaging,
            orderedChanges,
            orderedFindings,
            [.. exceptions.OrderBy(x => x.RequestedAt).ThenBy(x => x.ClusterId, StringComparer.Ordinal).ThenBy(x => x.ExceptionId, StringComparer.Ordinal)],
            orderedDrains,
            [.. forward.OrderBy(f => f.StartsAt ?? DateTimeOffset.MaxValue).ThenBy(f => f.ClusterId, StringComparer.Ordinal)],
            ControlTable.Embedded,
            sources,
            catalogFacts);
    }

    /// <summary>
    /// The events a finding stands on; a patch not yet applied has no observation to cite, so its finding cites what its
    /// patch row cites (the catalog fact that released it).
    /// </summary>
    private IReadOnlyList<Citation> Cited(Finding finding, ActorIndex actors)
    {
        if (finding.Evidence.Count > 0 || finding.Kind != FindingKind.PatchOverdue) return actors.Cite("", finding.Evidence);
        var row = patches.LastOrDefault(p => p.ClusterId == finding.ClusterId && finding.Subject.StartsWith($"{p.Product} {p.Version} on ", StringComparison.Ordinal));
        return row is null ? [] : [.. row.Evidence];
    }

    /// <summary>The exception in force for a finding (as the cluster was evaluated), with the events that requested and approved it.</summary>
    private static FindingException? ExceptionOf(Finding finding, IReadOnlyList<ExceptionVerdict> exceptions, ActorIndex actors)
    {
        if (Exceptions.Covering(finding, exceptions) is not { } accepted) return null;
        var exception = exceptions.First(x => x.ClusterId == finding.ClusterId && x.ExceptionId == accepted.ExceptionId);
        return new FindingException("accepted", $"{accepted.Reason} (requested by {accepted.RequestedBy}, approved by {accepted.ApprovedBy})", accepted.Until,
            actors.Cite("exception", exception.Evidence));
    }

}
