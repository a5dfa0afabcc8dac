using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;

namespace Compliance.Application.Reports;

internal sealed partial class ReportSections
{
    private static readonly TimeSpan NodeChangeGrouping = TimeSpan.FromHours(1);
    private readonly List<ChangeRow> changes = [];

    /// <summary>
    /// Every version change observed in the period (an interval that replaced another of the same component), grouped
    /// as the unrecorded-change check groups them: node components of one kind, product and move within an hour of the
    /// first are one change. Unrecorded when an unrecorded-change finding cites it; otherwise made in the started window
    /// open at that instant, or under the emergency patch covering it.
    /// </summary>
    private void AddChanges(ClusterHistory history, IReadOnlyList<Finding> clusterFindings, ActorIndex actors)
    {
        var asOf = request.AsOf;
        var unrecorded = clusterFindings.Where(f => f.Kind == FindingKind.UnrecordedChange).SelectMany(f => f.Evidence).Select(e => e.Position).ToHashSet();
        var open = history.Windows
            .Where(w => w.Started is not null && w.Started.At <= asOf)
            .Select(w => (w.WindowId, From: w.Started!.At, To: w.Ended is { } e && e.At <= asOf ? e.At : w.EndsAt))
            .ToList();
        var emergencies = history.EmergencyPatches.Where(e => e.RecordedAt <= asOf).ToList();
        var moved = history.Intervals
            .Where(i => i.Previous is not null && i.From >= request.PeriodStart && i.From <= request.PeriodEnd && i.From <= asOf)
            .GroupBy(i => (i.Kind, Product: i.Version.Product.Length > 0 ? i.Version.Product : i.Previous!.Product, From: Spell(i.Previous!), To: Spell(i.Version)));
        foreach (var group in moved)
        {
            var span = group.Key.Kind is ComponentKind.ControlPlane or ComponentKind.AddOn ? TimeSpan.Zero : NodeChangeGrouping;
            var pending = new List<ComponentInterval>();
            foreach (var change in group.OrderBy(i => i.From).ThenBy(i => i.ComponentId, StringComparer.Ordinal))
            {
                var apart = pending.Count == 0 ? TimeSpan.Zero : change.From - pending[0].From;
                if (pending.Count > 0 && (span == TimeSpan.Zero ? apart != TimeSpan.Zero : apart >= span))
                {
                    changes.Add(Change(history.ClusterId, group.Key.Kind, group.Key.Product, pending, unrecorded, open, emergencies, actors));
                    pending = [];
                }

                pending.Add(change);
            }

            if (pending.Count > 0) changes.Add(Change(history.ClusterId, group.Key.Kind, group.Key.Product, pending, unrecorded, open, emergencies, actors));
        }
    }

    private static ChangeRow Change(
        string clusterId, ComponentKind kind, string product, List<ComponentInterval> members, HashSet<long> unrecorded,
        List<(string WindowId, DateTimeOffset From, DateTimeOffset To)> open, List<EmergencyPatch> emergencies, ActorIndex actors)
    {
        var first = members[0];
        var (route, id) = members.Any(m => unrecorded.Contains(m.Evidence.Position))
            ? (ChangeRoute.Unrecorded, (string?)null)
            : open.FirstOrDefault(w => w.From <= first.From && first.From <= w.To) is { WindowId: { } window }
                ? (ChangeRoute.Window, window)
                : emergencies.FirstOrDefault(e => e.Covers(first.Version.Product, first.From) || e.Covers(first.Previous!.Product, first.From)) is { } emergency
                    ? (ChangeRoute.Emergency, emergency.EmergencyId)
                    : (ChangeRoute.NotJudged, null);
        var evidence = members.Select(m => m.Evidence).DistinctBy(e => e.Position).ToList();
        return new ChangeRow(clusterId, kind, product, members.Count == 1 ? first.ComponentId : $"{members.Count} x {ComponentLabel(first)}", members.Count,
            Spell(first.Previous!), Spell(first.Version), first.From, route, id,
            [.. evidence.Select(e => actors.Cite("observed", e))]);
    }

    private static string ComponentLabel(ComponentInterval i) =>
        i.Kind is ComponentKind.ControlPlane ? i.ComponentId : i.Kind is ComponentKind.AddOn ? "add-on containers" : ClusterHistory.NodeComponentId("*", i.Kind);

    private static string Spell(ObservedVersion v) => v.IsKnown ? v.Normalized : v.Raw;
}
