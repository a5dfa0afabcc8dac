using Compliance.Adapters.Sqlite.Events;
using Compliance.Adapters.Sqlite.ReadModels;
using Compliance.Application.Catalog;
using Compliance.Application.Handling;
using Compliance.Application.Projections;
using Compliance.Application.Queries;
using Compliance.Application.Store;
using Compliance.Domain.Commands;
using Compliance.Domain.Versions;
using Environment = Compliance.Domain.Events.Environment;

namespace Compliance.Adapters.Messaging.Tests;

/// <summary>A real SQLite ledger and read models in a temp folder, with the handler, queries and projection runner over them.</summary>
internal sealed class TestLedger : IDisposable
{
    public TestLedger(TimeProvider? time = null)
    {
        Folder = Path.Combine(Path.GetTempPath(), $"compliance-bus-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Folder);
        Time = time ?? TimeProvider.System;
        Store = new SqliteEventStore(Path.Combine(Folder, "ledger.db"), Time);
        ReadModels = new SqliteReadModelStore(Path.Combine(Folder, "readmodels.db"));
        Handler = new CommandHandler(Store);
        Queries = new FleetQueries(ReadModels, CatalogSnapshot.Embedded.Catalog);
        Projections = new ProjectionRunner(Store, ReadModels, CatalogSnapshot.Embedded.Catalog, Time);
    }

    public string Folder { get; }

    public TimeProvider Time { get; }

    public SqliteEventStore Store { get; }

    public SqliteReadModelStore ReadModels { get; }

    public CommandHandler Handler { get; }

    public FleetQueries Queries { get; }

    public ProjectionRunner Projections { get; }

    public async Task RegisterAsync(string clusterId, CancellationToken ct = default)
    {
        var outcome = await Handler.HandleAsync(
            new RegisterCluster(clusterId, clusterId, Environment.Production, "platform", Flavour.Upstream, null, "ops:test", Time.GetUtcNow()), null, ct);
        outcome.Accepted.ShouldBeTrue(outcome.Rejection);
    }

    /// <summary>Every stored event of a stream.</summary>
    public async Task<IReadOnlyList<StoredEvent>> StreamAsync(string stream)
    {
        var list = new List<StoredEvent>();
        await foreach (var e in Store.ReadStreamAsync(stream, Direction.Forwards, 0, int.MaxValue, CancellationToken.None)) list.Add(e);
        return list;
    }

    public void Dispose()
    {
        Handler.Dispose();
        Store.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the WAL for a moment; the temp folder is left behind
        }
    }
}
