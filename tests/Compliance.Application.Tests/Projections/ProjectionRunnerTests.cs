using Compliance.Adapters.Sqlite.Events;
using Compliance.Adapters.Sqlite.ReadModels;
using Compliance.Application.Catalog;
using Compliance.Application.Handling;
using Compliance.Application.Projections;
using Compliance.Application.Queries;
using Compliance.Domain.Commands;
using Compliance.Domain.Events;
using Compliance.Domain.Policies;
using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;
using Microsoft.Extensions.Time.Testing;
using Environment = Compliance.Domain.Events.Environment;

namespace Compliance.Application.Tests.Projections;

public sealed class ProjectionRunnerTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly string dir = Directory.CreateTempSubdirectory("compliance-projections-").FullName;
    private readonly FakeTimeProvider clock = new(Start);

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public async Task projects_a_cluster_into_eol_risk_that_matches_the_domain_verdict()
    {
        using var store = await SeedAsync();
        var readModels = new SqliteReadModelStore(Path.Combine(dir, "rm.db"));
        var runner = new ProjectionRunner(store, readModels, CatalogSnapshot.Embedded.Catalog, clock);

        (await runner.CatchUpAsync(CancellationToken.None)).ShouldBeGreaterThan(0);

        var asOf = new DateOnly(2026, 10, 20);
        var fromReadModels = await new FleetQueries(readModels, CatalogSnapshot.Embedded.Catalog).EolRiskAsync("prod-1", asOf, CancellationToken.None);
        var fromHistory = EolRisk.Evaluate(runner.Fleet.Clusters["prod-1"], runner.Fleet.Catalog, asOf);
        fromReadModels.ShouldBe(fromHistory);
        var controlPlane = fromReadModels.Single(v => v.Kind == ComponentKind.ControlPlane);
        controlPlane.Cycle.ShouldBe("1.34");
        controlPlane.Level.ShouldBe(EolLevel.High); // 1.34 ends 2026-10-27: 7 days left
    }

    [Fact]
    public async Task answers_an_earlier_day_with_the_version_that_ran_then()
    {
        using var store = await SeedAsync();
        var readModels = new SqliteReadModelStore(Path.Combine(dir, "rm.db"));
        await new ProjectionRunner(store, readModels, CatalogSnapshot.Embedded.Catalog, clock).CatchUpAsync(CancellationToken.None);
        var queries = new FleetQueries(readModels, CatalogSnapshot.Embedded.Catalog);

        var before = await queries.EolRiskAsync("prod-1", new DateOnly(2026, 3, 3), CancellationToken.None);
        var after = await queries.EolRiskAsync("prod-1", new DateOnly(2026, 3, 20), CancellationToken.None);

        before.Single(v => v.Kind == ComponentKind.ControlPlane).Version.ShouldBe("1.33.2");
        after.Single(v => v.Kind == ComponentKind.ControlPlane).Version.ShouldBe("1.34.1");
        (await queries.EolRiskAsync("prod-1", new DateOnly(2026, 3, 1), CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task rebuilding_twice_gives_identical_read_models()
    {
        using var store = await SeedAsync();
        var readModels = new SqliteReadModelStore(Path.Combine(dir, "rm.db"));
        var runner = new ProjectionRunner(store, readModels, CatalogSnapshot.Embedded.Catalog, clock, batchSize: 3);
        await runner.CatchUpAsync(CancellationToken.None);
        var incremental = await readModels.DigestAsync(CancellationToken.None);

        await runner.RebuildAsync(CancellationToken.None);
        var first = await readModels.DigestAsync(CancellationToken.None);
        await new ProjectionRunner(store, readModels, CatalogSnapshot.Embedded.Catalog, clock, batchSize: 1000).RebuildAsync(CancellationToken.None);
        var second = await readModels.DigestAsync(CancellationToken.None);

        first.ShouldBe(second);
        first.ShouldBe(incremental);
        (await readModels.AuditLogAsync("prod-1", 0, 100, CancellationToken.None)).Count.ShouldBe(5);
    }

    [Fact]
    public async Task a_restarted_runner_resumes_from_its_checkpoint_without_projecting_twice()
    {
        using var store = await SeedAsync();
        var readModels = new SqliteReadModelStore(Path.Combine(dir, "rm.db"));
        (await new ProjectionRunner(store, readModels, CatalogSnapshot.Embedded.Catalog, clock).CatchUpAsync(CancellationToken.None)).ShouldBe(5);

        using var handler = new CommandHandler(store);
        clock.Advance(TimeSpan.FromDays(1));
        await handler.HandleAsync(Observe(new ControlPlaneVersionObserved("prod-1", "v1.34.2", "linux/amd64", clock.GetUtcNow())), null, CancellationToken.None);

        var restarted = new ProjectionRunner(store, readModels, CatalogSnapshot.Embedded.Catalog, clock);
        (await restarted.CatchUpAsync(CancellationToken.None)).ShouldBe(1);
        restarted.Checkpoint.ShouldBe(6);
        (await readModels.AuditLogAsync("prod-1", 0, 100, CancellationToken.None)).Select(a => a.Position).ShouldBe([1, 2, 3, 4, 5, 6]);
    }

    [Fact]
    public async Task live_projection_follows_appends_made_while_it_runs()
    {
        using var store = await SeedAsync();
        var readModels = new SqliteReadModelStore(Path.Combine(dir, "rm.db"));
        var runner = new ProjectionRunner(store, readModels, CatalogSnapshot.Embedded.Catalog, clock);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var running = runner.RunAsync(cancel.Token);

        using var handler = new CommandHandler(store);
        clock.Advance(TimeSpan.FromDays(2));
        await handler.HandleAsync(Observe(new ControlPlaneVersionObserved("prod-1", "v1.35.0", "linux/amd64", clock.GetUtcNow())), null, CancellationToken.None);
        while (await readModels.ReadCheckpointAsync(CancellationToken.None) < 6) await Task.Delay(20, cancel.Token);
        await cancel.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(running);

        var now = await new FleetQueries(readModels, CatalogSnapshot.Embedded.Catalog).EolRiskAsync("prod-1", Days.Of(clock.GetUtcNow()), CancellationToken.None);
        now.Single(v => v.Kind == ComponentKind.ControlPlane).Version.ShouldBe("1.35.0");
    }

    private async Task<SqliteEventStore> SeedAsync()
    {
        var store = new SqliteEventStore(Path.Combine(dir, "ledger.db"), clock);
        using var handler = new CommandHandler(store);
        async Task Do(Command c)
        {
            var outcome = await handler.HandleAsync(c, null, CancellationToken.None);
            outcome.Rejection.ShouldBeNull();
        }

        await Do(new RegisterCluster("prod-1", "Production 1", Environment.Production, "platform", Flavour.Upstream, null, "ops:test", Start));
        await Do(new SetMaintenancePolicy("prod-1", MaintenancePolicy.Default, "ops:test", Start));
        await Do(Observe(new ControlPlaneVersionObserved("prod-1", "v1.33.2", "linux/amd64", Start)));
        clock.Advance(TimeSpan.FromDays(10));
        await Do(Observe(new ControlPlaneVersionObserved("prod-1", "v1.34.1", "linux/amd64", clock.GetUtcNow())));
        await Do(Observe(new AddOnVersionObserved("prod-1", "cert-manager", "cert-manager", "controller", "quay.io/jetstack/cert-manager-controller:v1.19.1", "cert-manager", clock.GetUtcNow())));
        return store;
    }

    private RecordObservation Observe(ObservationEvent e) => new(e, "watcher:test", clock.GetUtcNow());
}
