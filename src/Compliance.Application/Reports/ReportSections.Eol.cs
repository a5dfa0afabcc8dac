using Compliance.Domain.Policies;
using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;

namespace Compliance.Application.Reports;

internal sealed partial class ReportSections
{
    /// <summary>
    /// Every component version running at the end of the period, citing the observation that put its first instance on
    /// that version. Extended support counted where the verdict's days left run to its end (the verdict says no more).
    /// </summary>
    private void AddEol(ClusterHistory history, IReadOnlyList<EolRiskVerdict> verdicts, IReadOnlyList<ExceptionVerdict> inForce, string environment, string owner,
        ActorIndex actors)
    {
        var since = new Dictionary<long, DateTimeOffset>();
        foreach (var i in history.Intervals)
        {
            if (!since.TryGetValue(i.Evidence.Position, out var from) || i.From < from) since[i.Evidence.Position] = i.From;
        }

        foreach (var v in verdicts)
        {
            if (v.Product.Length > 0) products.Add(v.Product);
            eol.Add(new EolRow(v.ClusterId, environment, owner, v.ComponentId, v.Product, v.Version.Length > 0 ? v.Version : v.RawVersion, v.Cycle,
                v.StandardSupport?.Ends, v.StandardSupport?.DaysLeft, v.ExtendedSupport?.Ends, v.ExtendedSupport?.DaysLeft,
                v.Level, v.PatchesBehind, v.Instances, v.Note,
                v.Evidence is { } ev && since.TryGetValue(ev.Position, out var at) ? at : null,
                v.Evidence is { } cited ? actors.Cite("observed", cited) : null,
                Exceptions.Covering(v, inForce)));
        }
    }

    /// <summary>Unknown versions grouped by product, version and reason, with the clusters that run them.</summary>
    private static List<UnknownGroup> Unknowns(IReadOnlyList<EolRow> rows) =>
        [.. rows.Where(r => r.Level == EolLevel.Unknown)
            .GroupBy(r => (r.Product, r.Version, Reason: r.Note ?? "unknown"))
            .Select(g => new UnknownGroup(g.Key.Product, g.Key.Version, g.Key.Reason, [.. g.Select(r => r.ClusterId).Distinct().Order(StringComparer.Ordinal)],
                g.Sum(r => r.Instances), g.Select(r => r.Evidence).FirstOrDefault(e => e is not null)))
            .OrderByDescending(g => g.Instances).ThenBy(g => g.Product, StringComparer.Ordinal).ThenBy(g => g.Version, StringComparer.Ordinal)];

    /// <summary>The control plane's versions over the period, each split where its EOL level changed, as the level was on each day.</summary>
    private TimelineRow Timeline(ClusterHistory history)
    {
        var segments = new List<TimelineSegment>();
        foreach (var i in history.Intervals.Where(i => i.Kind == ComponentKind.ControlPlane))
        {
            var from = i.From < request.PeriodStart ? request.PeriodStart : i.From;
            var to = i.To is { } t && t < request.PeriodEnd ? t : request.PeriodEnd;
            if (to <= from) continue;
            var cycle = i.Version.IsKnown ? catalog.CycleOf(i.Version) : null;
            segments.Add(new TimelineSegment(i.Version.IsKnown ? i.Version.Normalized : i.Version.Raw, cycle?.Cycle ?? i.Version.Cycle, from, to, cycle?.Eol,
                Spans(history, i.Version, from, to)));
        }

        return new TimelineRow(history.ClusterId, segments);
    }

    /// <summary>
    /// [from, to) cut at every day the level can change (end of active support, the medium and high thresholds of each
    /// policy the cluster had, end of life, end of extended support, each policy change), each part judged by the
    /// verdict on its first day; parts of equal level merged.
    /// </summary>
    private List<LevelSpan> Spans(ClusterHistory history, ObservedVersion version, DateTimeOffset from, DateTimeOffset to)
    {
        var cuts = new SortedSet<DateTimeOffset> { from };
        var cycle = version.IsKnown ? catalog.CycleOf(version) : null;
        if (cycle is not null)
        {
            foreach (var policy in history.Policies.Select(p => p.Policy).Append(MaintenancePolicy.Default).Distinct())
            {
                foreach (var day in new[] { cycle.Eoas, cycle.Eol?.AddDays(-policy.Eol.MediumDays), cycle.Eol?.AddDays(-policy.Eol.HighDays), cycle.Eol, cycle.Eoes })
                {
                    if (day is { } d && Days.StartOf(d) > from && Days.StartOf(d) < to) cuts.Add(Days.StartOf(d));
                }
            }

            foreach (var p in history.Policies.Where(p => p.At > from && p.At < to)) cuts.Add(p.At);
        }

        var spans = new List<LevelSpan>();
        var points = cuts.ToList();
        for (var k = 0; k < points.Count; k++)
        {
            var end = k + 1 < points.Count ? points[k + 1] : to;
            var level = EolRisk.Assess(version, catalog, history.PolicyAt(points[k]), Days.Of(points[k])).Level;
            if (spans.Count > 0 && spans[^1].Level == level) spans[^1] = spans[^1] with { To = end };
            else spans.Add(new LevelSpan(points[k], end, level));
        }

        return spans;
    }
}
