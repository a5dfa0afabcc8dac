using Compliance.Adapters.Sqlite.Events;
using Compliance.Adapters.Sqlite.ReadModels;
using Compliance.Application.Catalog;
using Compliance.Application.Handling;
using Compliance.Application.Projections;
using Compliance.Application.Queries;
using Compliance.Application.Serialization;
using Compliance.Application.Store;
using Compliance.Domain.Deciders;
using Compliance.Domain.Events;

namespace Compliance.Adapters.Kubernetes.Tests;

/// <summary>A real SQLite ledger and read models in a temp folder, with the command handler and projections over them.</summary>
internal sealed class TestLedger : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "compliance-k8s-ledger-" + Guid.NewGuid().ToString("N"));

    public TestLedger()
    {
        Directory.CreateDirectory(folder);
        Store = new SqliteEventStore(Path.Combine(folder, "ledger.db"), TimeProvider.System);
        ReadModels = new SqliteReadModelStore(Path.Combine(folder, "readmodels.db"));
        Handler = new CommandHandler(Store);
        Projections = new ProjectionRunner(Store, ReadModels, CatalogSnapshot.Embedded.Catalog, TimeProvider.System);
        Queries = new FleetQueries(ReadModels, CatalogSnapshot.Embedded.Catalog);
    }

    public SqliteEventStore Store { get; }

    public SqliteReadModelStore ReadModels { get; }

    public CommandHandler Handler { get; }

    public ProjectionRunner Projections { get; }

    public FleetQueries Queries { get; }

    /// <summary>What the ledger holds as present in a cluster: its observations stream folded by the decider that records it.</summary>
    public async Task<ObservationState> PresentAsync(string clusterId)
    {
        var state = ObservationDecider.Initial;
        await foreach (var stored in Store.ReadStreamAsync(Streams.Observations(clusterId), Direction.Forwards, 0, int.MaxValue, CancellationToken.None))
            state = ObservationDecider.Evolve(state, EventSerializer.Default.FromStored(stored));
        return state;
    }

    public async Task<IReadOnlyList<ObservationEvent>> ObservationsAsync()
    {
        var events = new List<ObservationEvent>();
        await foreach (var stored in Store.ReadAllAsync(1, int.MaxValue, CancellationToken.None))
        {
            if (EventSerializer.Default.FromStored(stored) is ObservationEvent o) events.Add(o);
        }

        return events;
    }

    public void Dispose()
    {
        Handler.Dispose();
        Store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }
}
