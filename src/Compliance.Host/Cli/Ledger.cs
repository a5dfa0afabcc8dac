using Compliance.Adapters.Sqlite.Events;
using Compliance.Adapters.Sqlite.ReadModels;
using Compliance.Application.Catalog;
using Compliance.Application.Projections;
using Compliance.Application.Queries;

namespace Compliance.Host.Cli;

/// <summary>The ledger and read models of a data directory, opened together for a command.</summary>
internal sealed class Ledger(DataDirectory data, TimeProvider time) : IDisposable
{
    public SqliteEventStore Store { get; } = data.OpenLedger(time);

    public SqliteReadModelStore ReadModels { get; } = data.OpenReadModels();

    public ProjectionRunner Projections => projections ??= new ProjectionRunner(Store, ReadModels, CatalogSnapshot.Embedded.Catalog, time);

    public FleetQueries Queries => new(ReadModels, CatalogSnapshot.Embedded.Catalog);

    private ProjectionRunner? projections;

    /// <summary>Projects what the ledger has beyond the read models' checkpoint; nothing to do (and no replay) when current.</summary>
    public async Task EnsureCurrentAsync(CancellationToken ct)
    {
        var (head, _) = await Store.ReadHeadAsync(ct);
        if (await ReadModels.ReadCheckpointAsync(ct) < head) await Projections.CatchUpAsync(ct);
    }

    public void Dispose() => Store.Dispose();
}
