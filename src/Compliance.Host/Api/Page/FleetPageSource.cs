using Compliance.Application.Queries;
using Compliance.Application.Reports;
using Compliance.Application.UseCases;
using Compliance.Domain.Verdicts;

namespace Compliance.Host.Api.Page;

/// <summary>
/// Gathers the fleet page from the same queries the API answers (findings with exceptions applied, patch latency; the
/// EOL verdicts are given) and the clusters' maintenance streams (the next scheduled windows): one read of each per page built.
/// </summary>
internal sealed class FleetPageSource(FleetQueries queries, QueryService service, UpcomingWindows windows)
{
    /// <summary>The page as of the end of <paramref name="day"/>, around the fleet's EOL <paramref name="verdicts"/> of that day at <paramref name="checkpoint"/>.</summary>
    public async Task<FleetPageModel> BuildAsync(DateOnly day, long checkpoint, IReadOnlyList<EolRiskVerdict> verdicts, CancellationToken ct)
    {
        var asOf = Days.EndOf(day);
        var clusters = await queries.ClustersAsync(ct);
        var findings = (await service.FindingStatusesAsync(null, asOf, ct)).Where(f => f.State != FindingState.Resolved)
            .OrderBy(f => f.State == FindingState.Overdue ? 0 : f.State == FindingState.Open ? 1 : 2)
            .ThenBy(f => f.DueAt ?? DateTimeOffset.MaxValue).ThenBy(f => f.ClusterId, StringComparer.Ordinal).ToList();
        var patches = (await queries.PatchLatencyAsync(null, asOf, ct)).ToLookup(p => p.ClusterId, StringComparer.Ordinal);
        var byCluster = verdicts.ToLookup(v => v.ClusterId, StringComparer.Ordinal);
        var findingsByCluster = findings.ToLookup(f => f.ClusterId, StringComparer.Ordinal);

        var columns = verdicts.Select(v => new HeatColumn(v.Kind, v.Product)).Distinct()
            .OrderBy(c => c.Kind).ThenBy(c => c.Product, StringComparer.Ordinal).ToList();
        var rows = clusters.Select(c => new HeatRow(c.ClusterId, c.Environment, c.OwnerTeam, Cells(byCluster[c.ClusterId])))
            .OrderByDescending(r => r.Worst).ThenBy(r => r.Nearest ?? int.MaxValue).ThenBy(r => r.ClusterId, StringComparer.Ordinal).ToList();
        var patchRows = clusters.Select(c => Patches(c.ClusterId, patches[c.ClusterId], day, asOf))
            .OrderBy(p => p.Period.Compliance ?? 2).ThenBy(p => p.ClusterId, StringComparer.Ordinal).ToList();
        var upcoming = await windows.NextAsync(clusters.Select(c => c.ClusterId), asOf, ct);
        var next = clusters.Select(c => Next(c.ClusterId, byCluster[c.ClusterId], upcoming.GetValueOrDefault(c.ClusterId), findingsByCluster[c.ClusterId], day))
            .OrderBy(n => n.Deadline?.Due ?? DateOnly.MaxValue).ThenBy(n => n.ClusterId, StringComparer.Ordinal).ToList();
        return new FleetPageModel(day, checkpoint, columns, rows, findings, patchRows, next);
    }

    private static Dictionary<HeatColumn, HeatCell> Cells(IEnumerable<EolRiskVerdict> verdicts) =>
        verdicts.GroupBy(v => new HeatColumn(v.Kind, v.Product)).ToDictionary(g => g.Key, g =>
        {
            var worst = g.Max(v => v.Level);
            var atWorst = g.Where(v => v.Level == worst).ToList();
            var nearest = g.Select(v => v.Deadline()).Where(d => d is not null).MinBy(d => d!.Ends);
            var cycles = string.Join(", ", g.Select(v => v.Cycle).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
            return new HeatCell(worst, cycles, nearest?.Ends, nearest?.DaysLeft, g.Sum(v => v.Instances), atWorst.All(v => v.Accepted is not null));
        });

    private static PatchRow Patches(string clusterId, IEnumerable<PatchLatencyVerdict> verdicts, DateOnly day, DateTimeOffset asOf)
    {
        var period = PatchLatency.ForPeriod(verdicts, day.AddDays(-QueryService.DefaultPatchDays), day, asOf);
        var latencies = period.Rows.Where(r => r.Latency is not null).Select(r => r.Latency!.Value.TotalDays).Order().ToList();
        double? median = latencies.Count == 0 ? null
            : latencies.Count % 2 == 1 ? latencies[latencies.Count / 2] : (latencies[(latencies.Count / 2) - 1] + latencies[latencies.Count / 2]) / 2;
        var openPastSla = period.Rows.Count(r => r.AppliedAt is null && r.Status == SlaStatus.Breached);
        return new PatchRow(clusterId, period, median, openPastSla);
    }

    private static NextDates Next(string clusterId, IEnumerable<EolRiskVerdict> verdicts, ScheduledWindow? window, IEnumerable<FindingStatus> findings, DateOnly day)
    {
        var horizon = day.AddDays(FleetPageModel.HorizonDays);
        var nearest = verdicts.Where(v => v.Deadline() is { } d && d.Ends <= horizon).MinBy(v => v.Deadline()!.Ends);
        UpcomingWindow? upcoming = null;
        Deadline? deadline = null;
        if (nearest is not null)
        {
            var cover = window?.Planned.FirstOrDefault(c => c.Kind == nearest.Kind && PlannedChanges.MovesOff(c, nearest.Cycle));
            deadline = new Deadline(nearest.ComponentId, nearest.Product, nearest.Cycle, nearest.Deadline()!.Ends, nearest.Level, nearest.Instances,
                cover is null ? null : PlannedChanges.Describe(cover));
        }

        if (window is not null)
            upcoming = new UpcomingWindow(window.WindowId, window.StartsAt, [.. window.Planned.Select(PlannedChanges.Describe)], deadline?.Covered == true);
        var due = findings.Where(f => f.State is FindingState.Open or FindingState.Overdue && f.DueAt is not null).MinBy(f => f.DueAt);
        return new NextDates(clusterId, deadline, upcoming, due);
    }
}
