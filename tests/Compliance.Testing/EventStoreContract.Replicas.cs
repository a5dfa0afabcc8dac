using System.Text;
using Compliance.Application.Catalog;
using Compliance.Application.Handling;
using Compliance.Application.Reports;
using Compliance.Application.Serialization;
using Compliance.Application.Store;
using Compliance.Domain.Commands;
using Compliance.Domain.Deciders;
using Compliance.Domain.Events;
using Compliance.Domain.Policies;
using Compliance.Domain.Versions;
using Environment = Compliance.Domain.Events.Environment;

namespace Compliance.Testing;

/// <summary>Command handlers on two store instances on one database, as two replicas of serve run them.</summary>
public abstract partial class EventStoreContract
{
    private const string Cluster = "c1";

    [Fact]
    public async Task a_conflicting_id_names_the_source_it_was_stored_for()
    {
        var original = Event(1);
        await Store.AppendAsync("s", ExpectedRevision.NoStream, [original], CancellationToken.None);

        var changed = await Should.ThrowAsync<EventIdConflictException>(
            () => Store.AppendAsync("s", ExpectedRevision.Any, [original with { Json = """{"n":2}""", Metadata = original.Metadata with { CausationId = Guid.NewGuid() } }], CancellationToken.None));
        var partlyStored = await Should.ThrowAsync<EventIdConflictException>(
            () => Another().AppendAsync("s", ExpectedRevision.Any, [original, Event(2)], CancellationToken.None));

        changed.StoredCausationId.ShouldBe(Metadata.CausationId);
        partlyStored.EventId.ShouldBe(original.EventId);
        partlyStored.StoredCausationId.ShouldBe(Metadata.CausationId);
    }

    [Fact]
    public async Task a_message_redelivered_to_a_replica_deciding_on_a_stale_state_is_answered_as_already_applied()
    {
        using var first = new CommandHandler(Store);
        using var second = new CommandHandler(Another());
        await first.HandleAsync(Register(), Guid.NewGuid(), CancellationToken.None);
        // The second replica decides on the cluster as it is now and keeps that state.
        (await second.HandleAsync(Register(), Guid.NewGuid(), CancellationToken.None)).Changed.ShouldBeFalse();
        var message = Guid.NewGuid();
        var applied = await first.HandleAsync(SetPolicy(5), message, CancellationToken.None);

        // Redelivered later: its command carries another Now, so the stale decision's events differ from those stored.
        Clock.Advance(TimeSpan.FromMinutes(1));
        var redelivered = await second.HandleAsync(SetPolicy(5), message, CancellationToken.None);

        applied.Changed.ShouldBeTrue();
        redelivered.Accepted.ShouldBeTrue();
        redelivered.Changed.ShouldBeFalse();
        redelivered.Revision.ShouldBe(applied.Revision);
        (await ReadStream(Streams.Cluster(Cluster))).Select(e => e.Type).ShouldBe(["V1.ClusterRegistered", "V1.MaintenancePolicySet"]);
    }

    [Fact]
    public async Task an_id_stored_for_another_source_is_still_a_conflict_for_the_handler()
    {
        using var handler = new CommandHandler(Store);
        await handler.HandleAsync(Register(), Guid.NewGuid(), CancellationToken.None);
        var message = Guid.NewGuid();
        await Store.AppendAsync("elsewhere", ExpectedRevision.Any, [Event(1, EventIds.Derive(message, 0))], CancellationToken.None);

        await Should.ThrowAsync<EventIdConflictException>(() => handler.HandleAsync(SetPolicy(6), message, CancellationToken.None));
    }

    [Fact]
    public async Task a_command_whose_stream_another_writer_moves_before_every_attempt_gives_up_as_contended_and_writes_nothing()
    {
        using var setUp = new CommandHandler(Store);
        await setUp.HandleAsync(Register(), Guid.NewGuid(), CancellationToken.None);
        var rival = Another();
        using var outpaced = new CommandHandler(new OutpacedStore(Store, rival, Cluster, Clock));

        var error = await Should.ThrowAsync<StreamContendedException>(() => outpaced.HandleAsync(SetPolicy(1), Guid.NewGuid(), CancellationToken.None));

        error.Stream.ShouldBe(Streams.Cluster(Cluster));
        error.Attempts.ShouldBe(CommandHandler.MaxAttempts);
        var stream = await ReadStream(Streams.Cluster(Cluster));
        stream.Count.ShouldBe(1 + CommandHandler.MaxAttempts);
        stream.Skip(1).ShouldAllBe(e => e.Actor == OutpacedStore.RivalActor);
    }

    [Fact]
    public async Task two_replicas_hammering_one_stream_lose_and_double_nothing_and_answer_every_command()
    {
        using var cts = new CancellationTokenSource();
        var ct = Patience(cts);
        using var setUp = new CommandHandler(Store);
        await setUp.HandleAsync(Register(), Guid.NewGuid(), ct);
        using var first = new CommandHandler(Store);
        using var second = new CommandHandler(Another());
        const int perReplica = 20;

        async Task<List<CommandOutcome?>> Replica(CommandHandler handler, int replica)
        {
            var outcomes = new List<CommandOutcome?>();
            for (var i = 0; i < perReplica; i++)
            {
                try
                {
                    outcomes.Add(await handler.HandleAsync(SetPolicy(1 + replica * perReplica + i), Guid.NewGuid(), ct));
                }
                catch (StreamContendedException)
                {
                    outcomes.Add(null);
                }
            }

            return outcomes;
        }

        var answers = await Task.WhenAll(Task.Run(() => Replica(first, 0), ct), Task.Run(() => Replica(second, 1), ct));

        var applied = answers.SelectMany(a => a).Where(o => o is { Changed: true }).ToList();
        var stream = await ReadStream(Streams.Cluster(Cluster));
        stream.Select(e => e.Revision).ShouldBe(Enumerable.Range(0, stream.Count).Select(r => (long)r));
        stream.Count.ShouldBe(1 + applied.Count);
        applied.Select(o => o!.Positions.Single()).Order().ShouldBe(stream.Skip(1).Select(e => e.Position));
        answers.SelectMany(a => a).Count().ShouldBe(2 * perReplica);
        await ShouldVerifyAsync(Store, stream.Count, ct);
    }

    [Fact]
    public async Task replicas_recording_the_same_report_record_it_once()
    {
        var (first, second, third) = (Replica(Store), Replica(Another()), Replica(Another()));
        var asOf = Clock.GetUtcNow();
        var earlier = await second.Reports.RenderAsync(Report(asOf.AddDays(-1)), null, CancellationToken.None);
        // The other replicas hold the reports stream as it was before the first records the report.
        (await second.Reports.RecordAsync(earlier, earlier.FileName, "replica-2", CancellationToken.None)).ShouldBeTrue();
        (await third.Reports.RecordAsync(earlier, earlier.FileName, "replica-3", CancellationToken.None)).ShouldBeFalse();
        var report = await first.Reports.RenderAsync(Report(asOf), null, CancellationToken.None);

        var recorded = await first.Reports.RecordAsync(report, report.FileName, "replica-1", CancellationToken.None);
        var underAnotherName = await second.Reports.RecordAsync(report, "copy-" + report.FileName, "replica-2", CancellationToken.None);
        await third.Reports.RecordAsync(report, report.FileName, "replica-3", CancellationToken.None);

        recorded.ShouldBeTrue();
        underAnotherName.ShouldBeFalse();
        var issued = (await ReadStream(Streams.Reports)).Select(e => (ReportIssued)EventSerializer.Default.FromStored(e)).ToList();
        issued.Select(r => (r.Sha256, r.FileName)).ShouldBe([(earlier.Sha256, earlier.FileName), (report.Sha256, report.FileName)]);
        foreach (var replica in new[] { first, second, third }) replica.Handler.Dispose();
    }

    private (CommandHandler Handler, ReportService Reports) Replica(IEventStore store)
    {
        var handler = new CommandHandler(store);
        return (handler, new ReportService(store, handler, new TextRenderer(), CatalogSnapshot.Embedded, Clock));
    }

    private RegisterCluster Register() =>
        new(Cluster, "Cluster one", Environment.Production, "platform", Flavour.Eks, null, "test", Clock.GetUtcNow());

    private SetMaintenancePolicy SetPolicy(int noticeDays) =>
        new(Cluster, MaintenancePolicy.Default with { NoticeDays = noticeDays }, "test", Clock.GetUtcNow());

    private static ReportRequest Report(DateTimeOffset asOf) =>
        new(ReportScope.Fleet, DateOnly.FromDateTime(asOf.UtcDateTime).AddDays(-30), DateOnly.FromDateTime(asOf.UtcDateTime), asOf, "Example Bank plc");

    /// <summary>A deterministic stand-in for the PDF: recording a report depends on its bytes only through their hash.</summary>
    private sealed class TextRenderer : IReportRenderer
    {
        public string Extension => "txt";

        public Task RenderAsync(AuditReport report, Stream output, IProgress<ReportProgress>? progress, CancellationToken ct) =>
            output.WriteAsync(Encoding.UTF8.GetBytes($"{report.Request} {report.Ledger}"), ct).AsTask();
    }
}
