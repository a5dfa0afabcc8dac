using Compliance.Domain.Verdicts;

namespace Compliance.Application.Reports;

internal sealed partial class ReportSections
{
    /// <summary>
    /// The cluster's next window after as-of (scheduled by then, not started or aborted) and its planned changes,
    /// against the components running at as-of whose support ends within the horizon or has ended.
    /// </summary>
    private ForwardRow Forward(ClusterHistory history, IReadOnlyList<EolRiskVerdict> running, string environment, string owner, ActorIndex actors)
    {
        var asOf = request.AsOf;
        var day = Days.Of(asOf);
        var horizon = day.AddDays(request.Rules.HorizonDays);
        var next = history.Windows
            .Where(w => w.Scheduled is { } s && s.At <= asOf && w.StartsAt > asOf && !(w.Started?.At <= asOf) && !(w.Aborted?.At <= asOf))
            .MinBy(w => w.StartsAt);
        var planned = next?.PlannedChanges ?? [];
        var deadlines = new List<Deadline>();
        foreach (var v in running)
        {
            var due = v.Deadline()?.Ends;
            if (due is not { } d || d > horizon) continue;
            var cover = planned.FirstOrDefault(c => c.Kind == v.Kind && PlannedChanges.MovesOff(c, v.Cycle));
            deadlines.Add(new Deadline(v.ComponentId, v.Product, v.Cycle, d, v.Level, v.Instances, cover is null ? null : PlannedChanges.Describe(cover)));
        }

        return new ForwardRow(history.ClusterId, environment, owner, next?.WindowId, next?.StartsAt, [.. planned.Select(PlannedChanges.Describe)],
            [.. deadlines.OrderBy(x => x.Due).ThenBy(x => x.Component, StringComparer.Ordinal)],
            next?.Scheduled is { } scheduled ? actors.Cite("scheduled", scheduled.Evidence) : null);
    }
}
