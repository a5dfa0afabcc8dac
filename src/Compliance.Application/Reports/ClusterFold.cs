using Compliance.Application.Projections;
using Compliance.Application.Serialization;
using Compliance.Application.Store;
using Compliance.Domain.Catalog;
using Compliance.Domain.Deciders;
using Compliance.Domain.Verdicts;

namespace Compliance.Application.Reports;

/// <summary>
/// The second pass: a group of clusters linked through staging (a production cluster's checks read its staging
/// cluster's history) folded from their own streams up to the as-of head, in ledger order.
/// </summary>
internal static class ClusterFold
{
    /// <summary>The group's histories, and who recorded each of their events (for the citations of the report's rows).</summary>
    public static async Task<(FleetState Fleet, ActorIndex Actors)> ReadAsync(
        IEventReader reader, IReadOnlyList<string> clusterIds, ReleaseCatalog catalog, long lastPosition, EventSerializer serializer, CancellationToken ct)
    {
        var stored = new List<StoredEvent>();
        foreach (var id in clusterIds)
        {
            foreach (var stream in new[] { Streams.Cluster(id), Streams.Maintenance(id), Streams.Observations(id), Streams.Exceptions(id) })
            {
                await foreach (var e in reader.ReadStreamAsync(stream, Direction.Forwards, 0, int.MaxValue, ct))
                {
                    if (e.Position > lastPosition) break;
                    stored.Add(e);
                }
            }
        }

        stored.Sort((a, b) => a.Position.CompareTo(b.Position));
        var fleet = new FleetState(catalog);
        var actors = new ActorIndex();
        foreach (var e in stored)
        {
            fleet.Apply(new RecordedFact(serializer.FromStored(e), e.Stream, e.Revision, e.Position, e.RecordedAt));
            actors.Add(e.Position, e.Actor);
        }

        return (fleet, actors);
    }

    /// <summary>Clusters joined by staging links (in either direction), each group in id order, groups by their first id.</summary>
    public static List<List<string>> Groups(IReadOnlyDictionary<string, Domain.Events.ClusterRegistered> registrations)
    {
        var parent = registrations.Keys.ToDictionary(id => id, id => id, StringComparer.Ordinal);
        string Root(string id) => parent[id] == id ? id : parent[id] = Root(parent[id]);
        foreach (var r in registrations.Values)
        {
            if (r.StagingClusterId is { } staging && parent.ContainsKey(staging)) parent[Root(r.ClusterId)] = Root(staging);
        }

        return [.. registrations.Keys
            .GroupBy(Root, StringComparer.Ordinal)
            .Select(g => g.Order(StringComparer.Ordinal).ToList())
            .OrderBy(g => g[0], StringComparer.Ordinal)];
    }
}
