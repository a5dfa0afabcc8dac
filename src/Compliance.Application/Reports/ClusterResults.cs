using Compliance.Domain.Verdicts;

namespace Compliance.Application.Reports;

/// <summary>
/// One cluster's counts in every section, for the tables that summarise what met its promise (the exceptions are
/// detailed row by row elsewhere): running instances per EOL level, patches per area, windows per state, notices,
/// staging-first checks, changes per route, the drain estimate against the windows, open findings.
/// </summary>
public sealed record ClusterResult(
    string ClusterId,
    string Environment,
    IReadOnlyDictionary<EolLevel, int> Eol,
    IReadOnlyDictionary<PatchArea, PatchCount> Patches,
    IReadOnlyDictionary<WindowResult, int> Windows,
    double? WindowScore,
    int NoticesMet,
    int NoticesShort,
    int StagingPassed,
    int StagingSkipped,
    IReadOnlyDictionary<ChangeRoute, int> Changes,
    DrainSummary Drain,
    int OpenFindings)
{
    public PatchCount PatchTotal => Patches.Values.Aggregate(PatchCount.None, (a, b) => a + b);

    internal static IReadOnlyList<ClusterResult> Of(
        IReadOnlyList<ClusterLine> clusters, ReportRequest request, IReadOnlyList<EolRow> eol, IReadOnlyList<PatchRow> patches,
        IReadOnlyList<WindowRow> windows, IReadOnlyList<NoticeRow> notices, IReadOnlyList<StagingRow> staging, IReadOnlyList<ChangeRow> changes,
        IReadOnlyList<DrainWindowRow> drains, IReadOnlyList<FindingRow> findings)
    {
        var eolBy = eol.ToLookup(r => r.ClusterId);
        var patchBy = patches.Where(p => !p.CarriedOver || p.Status != SlaStatus.Met).ToLookup(p => p.ClusterId);
        var windowBy = windows.ToLookup(w => w.ClusterId);
        var noticeBy = notices.ToLookup(n => n.ClusterId);
        var stagingBy = staging.ToLookup(s => s.ClusterId);
        var changeBy = changes.ToLookup(c => c.ClusterId);
        var drainBy = drains.ToLookup(d => d.ClusterId);
        var findingBy = findings.Where(f => f.IsOpenAt(request.PeriodEnd)).ToLookup(f => f.ClusterId);
        return [.. clusters.Select(c =>
        {
            var id = c.ClusterId;
            var scored = windowBy[id].Where(w => w.Score is not null).ToList();
            return new ClusterResult(
                id, c.Environment,
                eolBy[id].GroupBy(r => r.Level).ToDictionary(g => g.Key, g => g.Sum(r => r.Instances)),
                patchBy[id].GroupBy(p => p.Area).ToDictionary(g => g.Key, g => PatchCount.Of(g, request.AsOf)),
                windowBy[id].GroupBy(w => w.State).ToDictionary(g => g.Key, g => g.Count()),
                scored.Count == 0 ? null : scored.Sum(w => w.Score!.Value) / scored.Count,
                noticeBy[id].Count(n => n.Met), noticeBy[id].Count(n => !n.Met),
                stagingBy[id].Count(s => s.Result != StagingResult.Skipped), stagingBy[id].Count(s => s.Result == StagingResult.Skipped),
                changeBy[id].GroupBy(x => x.Route).ToDictionary(g => g.Key, g => g.Count()),
                DrainSummary.Of(drainBy[id]),
                findingBy[id].Count());
        })];
    }
}

/// <summary>Patches of one area: applied within SLA, due, breached (late or still open past SLA), open within SLA.</summary>
public sealed record PatchCount(int Met, int Due, int Breached, int Open)
{
    public static PatchCount None { get; } = new(0, 0, 0, 0);

    public static PatchCount operator +(PatchCount a, PatchCount b) => new(a.Met + b.Met, a.Due + b.Due, a.Breached + b.Breached, a.Open + b.Open);

    public static PatchCount Add(PatchCount a, PatchCount b) => a + b;

    internal static PatchCount Of(IEnumerable<PatchRow> rows, DateTimeOffset asOf)
    {
        var list = rows.ToList();
        return new PatchCount(
            list.Count(p => p.Status == SlaStatus.Met), list.Count(p => p.IsDueBy(asOf)),
            list.Count(p => p.Status == SlaStatus.Breached), list.Count(p => p.Status == SlaStatus.Open));
    }
}

/// <summary>The drain estimates of a cluster's windows: how many fit in their window, the longest estimate and recorded drain.</summary>
public sealed record DrainSummary(int Windows, int Fitting, int MaxNodes, TimeSpan LongestEstimate, TimeSpan LongestRecorded, TimeSpan ShortestWindow)
{
    public bool AllFit => Fitting == Windows;

    internal static DrainSummary Of(IEnumerable<DrainWindowRow> rows)
    {
        var list = rows.ToList();
        return list.Count == 0
            ? new DrainSummary(0, 0, 0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero)
            : new DrainSummary(list.Count, list.Count(d => d.Fits), list.Max(d => d.Nodes), list.Max(d => d.Estimated), list.Max(d => d.Recorded), list.Min(d => d.Length));
    }
}
