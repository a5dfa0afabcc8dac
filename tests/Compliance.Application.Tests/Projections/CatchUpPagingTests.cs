using Compliance.Adapters.Sqlite.Events;
using Compliance.Adapters.Sqlite.ReadModels;
using Compliance.Application.Catalog;
using Compliance.Application.Projections;
using Compliance.Application.Serialization;
using Compliance.Application.Store;
using Compliance.Domain.Events;
using Compliance.Domain.Policies;
using Compliance.Domain.Versions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Environment = Compliance.Domain.Events.Environment;

namespace Compliance.Application.Tests.Projections;

/// <summary>A catch-up reads the ledger in pages and commits every batch size: any batch size gives the same read models.</summary>
public sealed class CatchUpPagingTests : IDisposable
{
    private const int Observations = 2_600;
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly string dir = Directory.CreateTempSubdirectory("compliance-paging-").FullName;
    private readonly FakeTimeProvider clock = new(Start.AddDays(30));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public async Task a_ledger_of_several_read_ahead_pages_projects_the_same_whether_committed_once_per_page_or_across_pages()
    {
        using var store = await SeedAsync();
        var total = Observations + 4;
        Observations.ShouldBeGreaterThan(2 * ProjectionRunner.ReadAheadPage);

        var digests = new List<string>();
        foreach (var batchSize in new[] { 7, 1_500, 100_000 })
        {
            var readModels = new SqliteReadModelStore(Path.Combine(dir, $"rm-{batchSize}.db"));
            var runner = new ProjectionRunner(store, readModels, CatalogSnapshot.Embedded.Catalog, clock, batchSize: batchSize);

            (await runner.RebuildAsync(CancellationToken.None)).ShouldBe(total);

            runner.Checkpoint.ShouldBe(total);
            (await readModels.ReadCheckpointAsync(CancellationToken.None)).ShouldBe(total);
            (await readModels.AuditLogAsync("prod-1", 0, 10_000, CancellationToken.None)).Count.ShouldBe(total / 2);
            digests.Add(await readModels.DigestAsync(CancellationToken.None));
        }

        digests.Distinct().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task a_restarted_catch_up_continues_from_the_last_commit_and_ends_where_a_rebuild_ends()
    {
        using var store = new SqliteEventStore(Path.Combine(dir, "ledger.db"), clock, SqliteSynchronous.Normal);
        await AppendAsync(store, 0, 1_200);
        var readModels = new SqliteReadModelStore(Path.Combine(dir, "rm.db"));
        (await new ProjectionRunner(store, readModels, CatalogSnapshot.Embedded.Catalog, clock, batchSize: 500).CatchUpAsync(CancellationToken.None)).ShouldBe(1_204);

        await AppendAsync(store, 1_200, Observations);
        var restarted = new ProjectionRunner(store, readModels, CatalogSnapshot.Embedded.Catalog, clock, batchSize: 100_000);
        (await restarted.CatchUpAsync(CancellationToken.None)).ShouldBe(Observations - 1_200);

        var rebuilt = new SqliteReadModelStore(Path.Combine(dir, "rebuilt.db"));
        await new ProjectionRunner(store, rebuilt, CatalogSnapshot.Embedded.Catalog, clock).RebuildAsync(CancellationToken.None);
        (await readModels.DigestAsync(CancellationToken.None)).ShouldBe(await rebuilt.DigestAsync(CancellationToken.None));
    }

    [Fact]
    public async Task an_event_the_read_ahead_cannot_read_fails_the_catch_up_with_its_error_and_keeps_what_was_committed_before()
    {
        using var store = await SeedAsync();
        await using (var ledger = new SqliteConnection($"Data Source={Path.Combine(dir, "ledger.db")}"))
        {
            await ledger.OpenAsync();
            await using var rename = ledger.CreateCommand();
            rename.CommandText = "DROP TRIGGER events_are_not_updated; UPDATE events SET type = 'V1.NoSuchEvent' WHERE position = 1450";
            await rename.ExecuteNonQueryAsync();
        }

        var readModels = new SqliteReadModelStore(Path.Combine(dir, "rm.db"));
        var runner = new ProjectionRunner(store, readModels, CatalogSnapshot.Embedded.Catalog, clock, batchSize: 500);

        var error = await Should.ThrowAsync<UnknownEventTypeException>(() => runner.RebuildAsync(CancellationToken.None));

        error.Message.ShouldContain("V1.NoSuchEvent");
        (await readModels.ReadCheckpointAsync(CancellationToken.None)).ShouldBe(1_000);
        runner.Checkpoint.ShouldBe(1_000);
    }

    private async Task<SqliteEventStore> SeedAsync()
    {
        var store = new SqliteEventStore(Path.Combine(dir, "ledger.db"), clock, SqliteSynchronous.Normal);
        await AppendAsync(store, 0, Observations);
        return store;
    }

    /// <summary>Observations [from, to), after the two clusters' registrations when <paramref name="from"/> is 0.</summary>
    private static async Task AppendAsync(SqliteEventStore store, int from, int to)
    {
        var metadata = new EventMetadata("test", Guid.NewGuid(), Guid.NewGuid());
        async Task Append(string stream, IEnumerable<DomainEvent> events) =>
            await store.AppendAsync(stream, ExpectedRevision.Any, [.. events.Select(e => EventSerializer.Default.ToStored(e, Guid.NewGuid(), metadata))], CancellationToken.None);

        if (from == 0)
        {
            foreach (var id in (string[])["prod-1", "prod-2"])
                await Append($"cluster-{id}", [new ClusterRegistered(id, id, Environment.Production, "platform", Flavour.Upstream, null, Start), new MaintenancePolicySet(id, MaintenancePolicy.Default, Start)]);
        }

        for (var start = from; start < to; start += 100)
        {
            var page = Enumerable.Range(start, Math.Min(100, to - start)).Select(i => (Cluster: i % 2 == 0 ? "prod-1" : "prod-2", Event: Observation(i))).ToList();
            foreach (var cluster in page.GroupBy(p => p.Cluster))
                await Append($"observations-{cluster.Key}", cluster.Select(p => p.Event));
        }
    }

    /// <summary>Node status changes (cordons), kubelet upgrades now and then, and drain risks found and resolved.</summary>
    private static DomainEvent Observation(int i)
    {
        var cluster = i % 2 == 0 ? "prod-1" : "prod-2";
        var at = Start.AddMinutes(i);
        var node = $"node-{i / 2 % 8}";
        return (i % 50) switch
        {
            10 or 11 => new DrainRiskFound(cluster, $"risk-{i / 100 % 3}", DrainRiskKind.SingleReplica, "payments/api", "1 replica", null, at),
            30 or 31 => new DrainRiskResolved(cluster, $"risk-{(i / 100 + 1) % 3}", at),
            _ => new NodeObserved(cluster, node,
                new NodeInfo($"v1.33.{i / 500}", $"v1.33.{i / 500}", "Ubuntu 22.04.5 LTS", "5.15.0-1057-aws", "containerd://1.7.20", "amd64", "linux", "m", "u", "b"),
                new Dictionary<string, string> { ["topology.kubernetes.io/zone"] = "eu-west-1a" },
                new Dictionary<string, string> { ["cpu"] = "4", ["memory"] = "16Gi", ["pods"] = "58" },
                i % 7 == 0, new Dictionary<string, string>(), at),
        };
    }
}
