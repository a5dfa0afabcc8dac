using System.Globalization;
using Compliance.Adapters.Sqlite.Events;
using Compliance.Adapters.Sqlite.ReadModels;
using Compliance.Application.Catalog;
using Compliance.Application.Projections;
using Compliance.Application.Serialization;
using Compliance.Application.Store;
using Compliance.Benchmarks.Fleet;

namespace Compliance.Benchmarks.Api;

/// <summary>The fleet the API benchmark serves: the synthetic 200-cluster ledger (20 nodes each), written and projected into a folder.</summary>
internal static class ApiBenchFleet
{
    public static async Task WriteAsync(string folder, int events, TextWriter output, CancellationToken ct)
    {
        using (var store = new SqliteEventStore(Path.Combine(folder, "ledger.db"), TimeProvider.System, SqliteSynchronous.Normal))
        {
            var metadata = new EventMetadata("bench", Guid.NewGuid(), Guid.NewGuid());
            foreach (var chunk in BenchFleet.Generate(events).Chunk(1_000))
            {
                foreach (var stream in chunk.GroupBy(e => e.Stream))
                    await store.AppendAsync(stream.Key, ExpectedRevision.Any, [.. stream.Select(e => EventSerializer.Default.ToStored(e.Event, Guid.NewGuid(), metadata))], ct);
            }

            var runner = new ProjectionRunner(store, new SqliteReadModelStore(Path.Combine(folder, "readmodels.db")), CatalogSnapshot.Embedded.Catalog, TimeProvider.System);
            await runner.RebuildAsync(ct);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fleet: {BenchFleet.Clusters} clusters x {BenchFleet.NodesPerCluster} nodes, {events:N0} events, in {folder}"));
    }
}
