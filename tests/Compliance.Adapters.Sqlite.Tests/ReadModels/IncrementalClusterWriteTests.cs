using Compliance.Adapters.Sqlite.ReadModels;
using Compliance.Application.Catalog;
using Compliance.Application.Projections;
using Compliance.Application.ReadModels;
using Compliance.Domain.Events;
using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;
using Microsoft.Data.Sqlite;
using Environment = Compliance.Domain.Events.Environment;

namespace Compliance.Adapters.Sqlite.Tests.ReadModels;

/// <summary>A store rewrites a cluster's component rows only where they changed since it wrote them; the rows must read as if written whole.</summary>
public sealed class IncrementalClusterWriteTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly TempFolder folder = new();
    private readonly FleetState fleet = new(CatalogSnapshot.Embedded.Catalog);
    private long position;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    [Fact]
    public async Task a_cluster_written_again_after_changes_reads_the_same_as_one_written_whole()
    {
        var store = new SqliteReadModelStore(folder.File("incremental.db"));
        Apply(new ClusterRegistered("prod-1", "Production 1", Environment.Production, "platform", Flavour.Upstream, null, At));
        for (var n = 0; n < 20; n++) Apply(Node(n, "v1.32.3", At));
        await WriteAsync(store);

        for (var n = 0; n < 20; n += 3) Apply(Node(n, "v1.32.4", At.AddHours(1)));
        Apply(new NodeRemoved("prod-1", "node-7", At.AddHours(2)));
        await WriteAsync(store);
        Apply(Node(7, "v1.32.4", At.AddHours(3)));
        await WriteAsync(store);

        var whole = new SqliteReadModelStore(folder.File("whole.db"));
        await WriteAsync(whole);
        (await store.DigestAsync(CancellationToken.None)).ShouldBe(await whole.DigestAsync(CancellationToken.None));
        (await store.ComponentsAtAsync("prod-1", At.AddHours(4), CancellationToken.None)).Count.ShouldBe(100);
    }

    [Fact]
    public async Task a_store_that_was_not_the_last_writer_writes_the_cluster_whole()
    {
        var store = new SqliteReadModelStore(folder.File("rm.db"));
        Apply(new ClusterRegistered("prod-1", "Production 1", Environment.Production, "platform", Flavour.Upstream, null, At));
        for (var n = 0; n < 5; n++) Apply(Node(n, "v1.32.3", At));
        await WriteAsync(store);

        Apply(Node(0, "v1.32.4", At.AddHours(1)));
        await WriteAsync(new SqliteReadModelStore(folder.File("rm.db"))); // another writer of the same file (another process)
        Apply(Node(1, "v1.32.4", At.AddHours(2)));
        await WriteAsync(store);

        var whole = new SqliteReadModelStore(folder.File("whole.db"));
        await WriteAsync(whole);
        (await store.DigestAsync(CancellationToken.None)).ShouldBe(await whole.DigestAsync(CancellationToken.None));
    }

    private async Task WriteAsync(SqliteReadModelStore store) =>
        await store.CommitAsync(new ReadModelBatch([ClusterEvaluation.Evaluate(fleet, fleet.Clusters["prod-1"], At.AddDays(1))], [], [], position, At.AddDays(1)), CancellationToken.None);

    private void Apply(DomainEvent e)
    {
        position++;
        fleet.Apply(new RecordedFact(e, e is ClusterRegistered ? "cluster-prod-1" : "observations-prod-1", position, position, At));
    }

    private static NodeObserved Node(int n, string version, DateTimeOffset at) => new("prod-1", $"node-{n}",
        new NodeInfo(version, version, "Ubuntu 22.04.5 LTS", "5.15.0-1057-aws", "containerd://1.7.20", "amd64", "linux", "m", "u", "b"),
        new Dictionary<string, string>(), new Dictionary<string, string> { ["cpu"] = "4", ["memory"] = "16Gi" }, false, new Dictionary<string, string>(), at);
}
