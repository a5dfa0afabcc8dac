using Compliance.Adapters.Sqlite.ReadModels;
using Compliance.Domain.Events;
using Compliance.Domain.Verdicts;
using Microsoft.Data.Sqlite;

using static Compliance.Adapters.Sqlite.Tests.ReadModels.OneClusterFleet;

namespace Compliance.Adapters.Sqlite.Tests.ReadModels;

/// <summary>A store rewrites a cluster's component rows only where they changed since it wrote them; the rows must read as if written whole.</summary>
public sealed class IncrementalClusterWriteTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly OneClusterFleet fleet = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    [Fact]
    public async Task a_cluster_written_again_after_changes_reads_the_same_as_one_written_whole()
    {
        var store = new SqliteReadModelStore(folder.File("incremental.db"));
        fleet.Register();
        for (var n = 0; n < 20; n++) fleet.Apply(Node(n, "v1.32.3", At));
        await fleet.WriteAsync(store);

        for (var n = 0; n < 20; n += 3) fleet.Apply(Node(n, "v1.32.4", At.AddHours(1)));
        fleet.Apply(new NodeRemoved("prod-1", "node-7", At.AddHours(2)));
        await fleet.WriteAsync(store);
        fleet.Apply(Node(7, "v1.32.4", At.AddHours(3)));
        await fleet.WriteAsync(store);

        var whole = new SqliteReadModelStore(folder.File("whole.db"));
        await fleet.WriteAsync(whole);
        (await store.DigestAsync(CancellationToken.None)).ShouldBe(await whole.DigestAsync(CancellationToken.None));
        (await store.ComponentsAtAsync("prod-1", At.AddHours(4), CancellationToken.None)).Count.ShouldBe(100);
    }

    [Fact]
    public async Task a_store_that_was_not_the_last_writer_writes_the_cluster_whole()
    {
        var store = new SqliteReadModelStore(folder.File("rm.db"));
        fleet.Register();
        for (var n = 0; n < 5; n++) fleet.Apply(Node(n, "v1.32.3", At));
        await fleet.WriteAsync(store);

        fleet.Apply(Node(0, "v1.32.4", At.AddHours(1)));
        await fleet.WriteAsync(new SqliteReadModelStore(folder.File("rm.db"))); // another writer of the same file (another process)
        fleet.Apply(Node(1, "v1.32.4", At.AddHours(2)));
        await fleet.WriteAsync(store);

        var whole = new SqliteReadModelStore(folder.File("whole.db"));
        await fleet.WriteAsync(whole);
        (await store.DigestAsync(CancellationToken.None)).ShouldBe(await whole.DigestAsync(CancellationToken.None));
    }
}
