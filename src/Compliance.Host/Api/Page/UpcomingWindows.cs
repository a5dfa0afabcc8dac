using Compliance.Application.Serialization;
using Compliance.Application.Store;
using Compliance.Domain.Deciders;
using Compliance.Domain.Events;

namespace Compliance.Host.Api.Page;

/// <summary>A window scheduled by the time asked that has neither started nor been aborted by then, and starts later.</summary>
internal sealed record ScheduledWindow(string WindowId, DateTimeOffset StartsAt, IReadOnlyList<PlannedChange> Planned);

/// <summary>Each cluster's next scheduled window, read from its maintenance stream in the ledger (no read model keeps windows ahead).</summary>
internal sealed class UpcomingWindows(IEventReader ledger)
{
    public async Task<Dictionary<string, ScheduledWindow>> NextAsync(IEnumerable<string> clusterIds, DateTimeOffset asOf, CancellationToken ct)
    {
        var next = new Dictionary<string, ScheduledWindow>(StringComparer.Ordinal);
        foreach (var clusterId in clusterIds)
        {
            if (await NextAsync(clusterId, asOf, ct) is { } window) next[clusterId] = window;
        }

        return next;
    }

    private async Task<ScheduledWindow?> NextAsync(string clusterId, DateTimeOffset asOf, CancellationToken ct)
    {
        var scheduled = new Dictionary<string, ScheduledWindow>(StringComparer.Ordinal);
        await foreach (var stored in ledger.ReadStreamAsync(Streams.Maintenance(clusterId), Direction.Forwards, 0, int.MaxValue, ct))
        {
            switch (EventSerializer.Default.FromStored(stored))
            {
                case MaintenanceWindowScheduled s when s.At <= asOf:
                    scheduled[s.WindowId] = new ScheduledWindow(s.WindowId, s.StartsAt, s.PlannedChanges);
                    break;
                case MaintenanceStarted s when s.At <= asOf:
                    scheduled.Remove(s.WindowId);
                    break;
                case MaintenanceAborted a when a.At <= asOf:
                    scheduled.Remove(a.WindowId);
                    break;
            }
        }

        return scheduled.Values.Where(w => w.StartsAt > asOf).MinBy(w => w.StartsAt);
    }
}
