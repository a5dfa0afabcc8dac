using Compliance.Adapters.Sqlite.Events;
using Compliance.Application.Handling;
using Compliance.Application.Store;
using Compliance.Domain.Commands;
using Compliance.Domain.Events;
using Microsoft.Extensions.Time.Testing;

namespace Compliance.Application.Tests.Handling;

public sealed class HandleManyTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly string dir = Directory.CreateTempSubdirectory("compliance-handle-many-").FullName;
    private readonly FakeTimeProvider clock = new(Start);

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public async Task a_batch_records_the_same_ledger_and_outcomes_as_one_command_at_a_time()
    {
        var commands = Mixed();
        using var oneByOneStore = Store("one-by-one.db");
        using var oneByOne = new CommandHandler(oneByOneStore);
        var expected = new List<CommandOutcome>();
        foreach (var (command, source) in commands) expected.Add(await oneByOne.HandleAsync(command, source, CancellationToken.None));

        using var batchedStore = Store("batched.db");
        using var batched = new CommandHandler(batchedStore);
        var outcomes = await batched.HandleManyAsync(commands, CancellationToken.None);

        Shape(outcomes).ShouldBe(Shape(expected));
        outcomes.Count(o => o.Changed).ShouldBeGreaterThan(3);
        outcomes.Count(o => o.Accepted && !o.Changed).ShouldBeGreaterThan(0);
        (await Ledger(batchedStore)).ShouldBe(await Ledger(oneByOneStore));
        (await HashChainVerifier.VerifyAsync(batchedStore, CancellationToken.None)).Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task a_redelivered_batch_records_nothing_and_answers_with_the_original_positions()
    {
        var commands = Mixed();
        using var store = Store("ledger.db");
        using var handler = new CommandHandler(store);
        var first = await handler.HandleManyAsync(commands, CancellationToken.None);
        var before = await Ledger(store);

        var sameHandler = await handler.HandleManyAsync(commands, CancellationToken.None);
        using var fresh = new CommandHandler(store);
        var freshHandler = await fresh.HandleManyAsync(commands, CancellationToken.None);

        first.Count(o => o.Changed).ShouldBe(before.Count);
        var recorded = first.SelectMany(o => o.Positions).ToHashSet();
        sameHandler.SelectMany(o => o.Positions).ShouldAllBe(p => recorded.Contains(p), "a redelivery answers with the original positions");
        freshHandler.SelectMany(o => o.Positions).ShouldAllBe(p => recorded.Contains(p), "a redelivery answers with the original positions");
        sameHandler.Select(o => o.Rejection).ShouldBe(first.Select(o => o.Rejection));
        freshHandler.Select(o => o.Rejection).ShouldBe(first.Select(o => o.Rejection));
        (await Ledger(store)).ShouldBe(before);
    }

    [Fact]
    public async Task a_batch_holding_recorded_and_new_messages_records_only_the_new_ones()
    {
        var commands = Mixed();
        using var store = Store("ledger.db");
        using (var first = new CommandHandler(store))
            foreach (var (command, source) in commands.Take(4)) await first.HandleAsync(command, source, CancellationToken.None);

        using var handler = new CommandHandler(store);
        await handler.HandleManyAsync(commands, CancellationToken.None);

        using var referenceStore = Store("reference.db");
        using var reference = new CommandHandler(referenceStore);
        await reference.HandleManyAsync(commands, CancellationToken.None);
        (await Ledger(store)).ShouldBe(await Ledger(referenceStore));
    }

    [Fact]
    public async Task one_rejected_command_is_reported_alone_and_the_others_are_recorded()
    {
        var good1 = Observe(new ControlPlaneVersionObserved("prod-1", "v1.33.2", "linux/amd64", Start));
        var bad = Observe(new ControlPlaneVersionObserved("prod-1", " ", "linux/amd64", Start));
        var good2 = Observe(new ControlPlaneVersionObserved("prod-1", "v1.34.0", "linux/amd64", Start.AddHours(1)));
        using var store = Store("ledger.db");
        using var handler = new CommandHandler(store);

        var outcomes = await handler.HandleManyAsync([(good1, Guid.NewGuid()), (bad, Guid.NewGuid()), (good2, Guid.NewGuid())], CancellationToken.None);

        outcomes[0].Changed.ShouldBeTrue();
        outcomes[1].Accepted.ShouldBeFalse();
        outcomes[1].Rejection.ShouldBe("ControlPlaneVersionObserved for cluster 'prod-1' has no gitVersion");
        outcomes[2].Changed.ShouldBeTrue();
        outcomes[2].Revision.ShouldBe(1);
        var ledger = await Ledger(store);
        ledger.Count.ShouldBe(2);
        ledger.ShouldAllBe(e => e.Stream == "observations-prod-1");
    }

    [Fact]
    public async Task a_concurrent_writer_on_the_same_file_makes_the_batch_fall_back_to_one_at_a_time()
    {
        var path = "ledger.db";
        using var mine = Store(path);
        using var handler = new CommandHandler(mine);
        await handler.HandleAsync(Observe(new ControlPlaneVersionObserved("prod-1", "v1.33.2", "linux/amd64", Start)), Guid.NewGuid(), CancellationToken.None);

        using var theirs = Store(path);
        using var other = new CommandHandler(theirs);
        var upgrade = Observe(new ControlPlaneVersionObserved("prod-1", "v1.34.0", "linux/amd64", Start.AddHours(1)));
        (await other.HandleAsync(upgrade, Guid.NewGuid(), CancellationToken.None)).Changed.ShouldBeTrue();

        var sameUpgrade = Observe(new ControlPlaneVersionObserved("prod-1", "v1.34.0", "linux/amd64", Start.AddHours(2)));
        var node = Observe(Node("node-a", "v1.34.0"));
        var outcomes = await handler.HandleManyAsync([(sameUpgrade, Guid.NewGuid()), (node, Guid.NewGuid())], CancellationToken.None);

        outcomes[0].Accepted.ShouldBeTrue();
        outcomes[0].Changed.ShouldBeFalse("decided again on the other writer's history, the upgrade is already known");
        outcomes[1].Changed.ShouldBeTrue();
        outcomes[1].Revision.ShouldBe(2);
        var ledger = await Ledger(mine);
        ledger.Select(e => e.Revision).ShouldBe([0, 1, 2]);
        (await HashChainVerifier.VerifyAsync(mine, CancellationToken.None)).Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task a_batch_over_several_streams_is_written_in_one_store_call_as_one_run_of_positions()
    {
        var commands = Mixed();
        using var sqlite = Store("ledger.db");
        var store = new CountingStore(sqlite);
        using var handler = new CommandHandler(store);

        var outcomes = await handler.HandleManyAsync(commands, CancellationToken.None);

        store.ManyAppends.ShouldBe(1);
        store.Appends.ShouldBe(0);
        outcomes.Select(o => o.Stream).Distinct().Count().ShouldBe(2);
        var positions = outcomes.SelectMany(o => o.Positions).Order().ToList();
        positions.ShouldBe(Enumerable.Range(1, positions.Count).Select(p => (long)p));
    }

    [Fact]
    public async Task a_stream_moved_by_another_writer_goes_one_at_a_time_and_the_other_streams_are_still_written_together()
    {
        var path = "ledger.db";
        using var sqlite = Store(path);
        var mine = new CountingStore(sqlite);
        using var handler = new CommandHandler(mine);
        await handler.HandleAsync(Observe(new ControlPlaneVersionObserved("prod-1", "v1.33.2", "linux/amd64", Start)), Guid.NewGuid(), CancellationToken.None);
        await handler.HandleAsync(Observe(new ControlPlaneVersionObserved("stage-1", "v1.33.2", "linux/amd64", Start)), Guid.NewGuid(), CancellationToken.None);
        await handler.HandleAsync(Observe(new ControlPlaneVersionObserved("dev-1", "v1.33.2", "linux/amd64", Start)), Guid.NewGuid(), CancellationToken.None);

        using var theirs = Store(path);
        using var other = new CommandHandler(theirs);
        (await other.HandleAsync(Observe(new ControlPlaneVersionObserved("stage-1", "v1.34.0", "linux/amd64", Start.AddHours(1))), Guid.NewGuid(), CancellationToken.None))
            .Changed.ShouldBeTrue();

        var outcomes = await handler.HandleManyAsync(
        [
            (Observe(new ControlPlaneVersionObserved("prod-1", "v1.34.0", "linux/amd64", Start.AddHours(2))), Guid.NewGuid()),
            (Observe(new ControlPlaneVersionObserved("stage-1", "v1.34.0", "linux/amd64", Start.AddHours(2))), Guid.NewGuid()),
            (Observe(new ControlPlaneVersionObserved("stage-1", "v1.34.1", "linux/amd64", Start.AddHours(3))), Guid.NewGuid()),
            (Observe(new ControlPlaneVersionObserved("dev-1", "v1.34.0", "linux/amd64", Start.AddHours(2))), Guid.NewGuid()),
        ], CancellationToken.None);

        outcomes[0].Changed.ShouldBeTrue();
        outcomes[1].Changed.ShouldBeFalse("decided again on the other writer's history, the upgrade is already known");
        outcomes[1].Accepted.ShouldBeTrue();
        outcomes[2].Changed.ShouldBeTrue();
        outcomes[2].Revision.ShouldBe(2);
        outcomes[3].Changed.ShouldBeTrue();
        mine.ManyAppends.ShouldBe(2, "the first call failed on stage-1 and wrote nothing; the second carried prod-1 and dev-1");
        outcomes[0].Positions.Single().ShouldBe(outcomes[3].Positions.Single() - 1);
        (await Ledger(sqlite)).Count.ShouldBe(7);
        (await HashChainVerifier.VerifyAsync(sqlite, CancellationToken.None)).Intact.ShouldBeTrue();
    }

    private List<(Command Command, Guid? SourceId)> Mixed()
    {
        var list = new List<(Command, Guid?)>();
        void Add(Command c, int id) => list.Add((c, new Guid(id, 0, 0, new byte[8])));
        Add(Observe(new ControlPlaneVersionObserved("prod-1", "v1.33.2", "linux/amd64", Start)), 1);
        Add(Observe(Node("node-a", "v1.33.2")), 2);
        Add(Observe(new ControlPlaneVersionObserved("stage-1", "v1.34.1", "linux/amd64", Start)), 3);
        Add(Observe(Node("node-a", "v1.33.2")), 4);
        Add(Observe(new ControlPlaneVersionObserved("prod-1", " ", "linux/amd64", Start)), 5);
        Add(Observe(new ControlPlaneVersionObserved("prod-1", "v1.34.0", "linux/amd64", Start.AddHours(1))), 6);
        Add(Observe(new NodeRemoved("prod-1", "node-a", Start.AddHours(2))), 7);
        Add(Observe(new AddOnVersionObserved("stage-1", "cert-manager", "cert-manager", "controller", "quay.io/jetstack/cert-manager-controller:v1.19.1", "cert-manager", Start)), 8);
        Add(Observe(new ControlPlaneVersionObserved("prod-1", "v1.34.0", "linux/amd64", Start.AddHours(3))), 9);
        return list;
    }

    private static NodeObserved Node(string name, string kubelet) =>
        new("prod-1", name, new NodeInfo(kubelet, kubelet, "Ubuntu 24.04", "6.8.0", "containerd://2.0.0", "amd64", "linux", "m", "u", "b"),
            new Dictionary<string, string>(), new Dictionary<string, string>(), false, new Dictionary<string, string>(), Start);

    private RecordObservation Observe(ObservationEvent e) => new(e, "watcher:test", clock.GetUtcNow());

    private SqliteEventStore Store(string file) => new(Path.Combine(dir, file), clock);

    private static IEnumerable<string> Shape(IEnumerable<CommandOutcome> outcomes) =>
        outcomes.Select(o => $"{o.Stream} r{o.Revision} {o.Positions.Count} positions {o.Rejection ?? "accepted"}");

    /// <summary>Every stream's events in stream order (a batch appends stream by stream, so global positions differ).</summary>
    private static async Task<List<(Guid EventId, string Stream, long Revision, string Type, string Json)>> Ledger(IEventReader store)
    {
        var all = new List<(Guid EventId, string Stream, long Revision, string Type, string Json)>();
        await foreach (var e in store.ReadAllAsync(1, int.MaxValue, CancellationToken.None))
            all.Add((e.EventId, e.Stream, e.Revision, e.Type, e.Json));
        return [.. all.OrderBy(e => e.Stream, StringComparer.Ordinal).ThenBy(e => e.Revision)];
    }
}
