using Compliance.Application.ReadModels;
using Compliance.Domain.Catalog;
using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;

namespace Compliance.Application.Reports;

/// <summary>Collects each in-scope cluster's rows for the report's sections, then orders them and computes the summary.</summary>
internal sealed partial class ReportSections(ReportRequest request, ReleaseCatalog catalog)
{
    private readonly List<EolRow> eol = [];
    private readonly List<TimelineRow> timelines = [];
    private readonly List<PatchRow> patches = [];
    private readonly List<FindingRow> findings = [];
    private readonly HashSet<string> products = new(StringComparer.Ordinal);

    public IEnumerable<string> ProductsUsed => products;

    public void Add(ClusterHistory history, ClusterReadModel evaluated)
    {
        var environment = evaluated.Cluster.Environment;
        foreach (var v in EolRisk.Evaluate(history, catalog, Days.Of(request.PeriodEnd)))
        {
            if (v.Product.Length > 0) products.Add(v.Product);
            eol.Add(new EolRow(v.ClusterId, environment, v.ComponentId, v.Product, v.Version.Length > 0 ? v.Version : v.RawVersion, v.Cycle,
                v.StandardSupport?.Ends, v.StandardSupport?.DaysLeft, v.Level, v.PatchesBehind, v.Instances, v.Note, v.Evidence));
        }

        var inPeriod = evaluated.Patches.Where(p => p.ReleasedAt >= request.PeriodStart && p.ReleasedAt <= request.PeriodEnd).ToList();
        foreach (var group in inPeriod.GroupBy(p => (p.Product, p.Cycle, p.Patch)))
        {
            products.Add(group.Key.Product);
            patches.Add(PatchRow.Of(environment, [.. group]));
        }

        findings.AddRange(evaluated.Findings
            .Where(f => f.DetectedAt <= request.PeriodEnd && (f.ResolvedAt is null || f.ResolvedAt >= request.PeriodStart))
            .Select(f => new FindingRow(f.ClusterId, f.Kind, f.Subject, f.Detail, f.DetectedAt, f.ResolvedAt, f.Evidence)));
        timelines.Add(Timeline(history));
        AddMaintenance(history, evaluated.Findings);
    }

    /// <summary>Takes another cluster's rows after the ones collected so far.</summary>
    public void Absorb(ReportSections other)
    {
        eol.AddRange(other.eol);
        timelines.AddRange(other.timelines);
        patches.AddRange(other.patches);
        findings.AddRange(other.findings);
        products.UnionWith(other.products);
        windows.AddRange(other.windows);
        notices.AddRange(other.notices);
        staging.AddRange(other.staging);
        drainWindows.AddRange(other.drainWindows);
    }

    public AuditReport Complete(
        DateTimeOffset generatedAt, LedgerPoint point, ChainCheck chain, IReadOnlyList<ClusterLine> clusters, IReadOnlyList<CatalogSourceRow> sources, int catalogFacts)
    {
        var orderedEol = eol
            .OrderBy(r => EolRisk.Severity(r.Level))
            .ThenBy(r => r.DaysLeft ?? int.MaxValue)
            .ThenBy(r => r.ClusterId, StringComparer.Ordinal)
            .ThenBy(r => r.Component, StringComparer.Ordinal)
            .ToList();
        var orderedPatches = patches
            .OrderBy(p => p.ReleasedAt).ThenBy(p => p.Product, StringComparer.Ordinal).ThenBy(p => p.Version, StringComparer.Ordinal)
            .ThenBy(p => p.ClusterId, StringComparer.Ordinal).ThenBy(p => p.Component, StringComparer.Ordinal)
            .ToList();
        var orderedFindings = findings
            .OrderBy(f => f.DetectedAt).ThenBy(f => f.ClusterId, StringComparer.Ordinal).ThenBy(f => f.Kind).ThenBy(f => f.Subject, StringComparer.Ordinal)
            .ToList();
        var orderedWindows = windows.OrderBy(w => w.StartsAt).ThenBy(w => w.ClusterId, StringComparer.Ordinal).ToList();
        return new AuditReport(
            request, generatedAt, point, chain, clusters,
            Summary(orderedEol, orderedFindings, orderedWindows),
            orderedEol,
            [.. timelines.Where(t => t.Segments.Count > 0)],
            orderedPatches,
            orderedWindows,
            [.. notices.OrderBy(n => n.StartsAt).ThenBy(n => n.ClusterId, StringComparer.Ordinal)],
            [.. staging.OrderBy(s => s.TakenAt).ThenBy(s => s.ClusterId, StringComparer.Ordinal)],
            orderedFindings,
            [.. drainWindows.OrderBy(d => d.StartsAt).ThenBy(d => d.ClusterId, StringComparer.Ordinal)],
            sources,
            catalogFacts);
    }

    private ReportSummary Summary(List<EolRow> eolRows, List<FindingRow> findingRows, List<WindowRow> windowRows)
    {
        var known = eolRows.Where(r => r.Level != EolLevel.Unknown).ToList();
        var measured = known.Sum(r => r.Instances);
        var safe = known.Where(r => r.Level is EolLevel.Low or EolLevel.Medium).Sum(r => r.Instances);
        var eolShare = measured == 0 ? 1 : (double)safe / measured;
        // Per (patch, cluster) row, as the table lists them: due when its due date passed or it was applied.
        var due = patches.Where(p => p.DueAt <= request.AsOf || p.AppliedAt is not null).ToList();
        var sla = new PatchCompliance(due.Count(p => p.Status == SlaStatus.Met), due.Count);
        var windowsDue = windowRows.Where(w => w.State != WindowState.Upcoming).ToList();
        var held = windowsDue.Count(w => w.State is WindowState.Held || (w.State == WindowState.Aborted && w.Upgrades > 0));
        var windowShare = windowsDue.Count == 0 ? 1 : (double)held / windowsDue.Count;
        var score = (int)Math.Round(100 * (eolShare + (sla.Ratio ?? 1) + windowShare) / 3, MidpointRounding.AwayFromZero);
        var open = findingRows.Where(f => f.Open).ToList();
        return new ReportSummary(
            score, eolShare, measured, sla, windowShare, windowsDue.Count, held,
            Enum.GetValues<EolLevel>().ToDictionary(l => l, l => eolRows.Where(r => r.Level == l).Sum(r => r.Instances)),
            open.Count,
            open.GroupBy(f => f.Kind).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
            patches.Count(p => p.Status == SlaStatus.Breached),
            patches.Count(p => p.Status == SlaStatus.Open));
    }

    /// <summary>The control plane's versions over the period, each with its cycle's EOL date and the level at the segment's end.</summary>
    private TimelineRow Timeline(ClusterHistory history)
    {
        var segments = new List<TimelineSegment>();
        foreach (var i in history.Intervals.Where(i => i.Kind == ComponentKind.ControlPlane))
        {
            var from = i.From < request.PeriodStart ? request.PeriodStart : i.From;
            var to = i.To is { } t && t < request.PeriodEnd ? t : request.PeriodEnd;
            if (to <= from) continue;
            var cycle = i.Version.IsKnown ? catalog.CycleOf(i.Version) : null;
            var level = EolRisk.Assess(i.Version, catalog, history.PolicyAt(to), Days.Of(to)).Level;
            segments.Add(new TimelineSegment(i.Version.IsKnown ? i.Version.Normalized : i.Version.Raw, cycle?.Cycle ?? i.Version.Cycle, from, to, cycle?.Eol, level));
        }

        return new TimelineRow(history.ClusterId, segments);
    }
}
