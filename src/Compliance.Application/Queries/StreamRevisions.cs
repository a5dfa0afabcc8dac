using Compliance.Application.Store;
using Compliance.Domain.Deciders;

namespace Compliance.Application.Queries;

/// <summary>Stream revisions read from the ledger: ETags of the API, and the size of a cluster's history.</summary>
public static class StreamRevisions
{
    /// <summary>The revision of the stream's last event; null when the stream does not exist.</summary>
    public static async Task<long?> LastAsync(IEventReader reader, string stream, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reader);
        await foreach (var last in reader.ReadStreamAsync(stream, Direction.Backwards, long.MaxValue, 1, ct)) return last.Revision;
        return null;
    }

    /// <summary>
    /// How many events the ledger holds for a cluster (its cluster, maintenance and observation streams): the length of
    /// its audit log once the projections have caught up, found from three revisions instead of counting rows.
    /// </summary>
    public static async Task<long> ClusterEventCountAsync(IEventReader reader, string clusterId, CancellationToken ct)
    {
        long total = 0;
        foreach (var stream in new[] { Streams.Cluster(clusterId), Streams.Maintenance(clusterId), Streams.Observations(clusterId), Streams.Exceptions(clusterId) })
            total += (await LastAsync(reader, stream, ct) ?? -1) + 1;
        return total;
    }
}
