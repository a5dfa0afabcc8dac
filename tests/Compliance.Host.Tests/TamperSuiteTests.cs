using Compliance.Application.Serialization;
using Compliance.Application.Store;
using Compliance.Domain.Events;

namespace Compliance.Host.Tests;

/// <summary>
/// The database's owner tampers with the ledger file; a witness kept a signed checkpoint ('compliance checkpoint
/// export') and an auditor holds an issued report. Each forgery is caught given the checkpoint, and where the ledger
/// itself still holds a trace (the read models' checkpoint, recorded-at order) without one too.
/// </summary>
public sealed class TamperSuiteTests(DemoFixture demo) : IClassFixture<DemoFixture>, IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("compliance-tamper-").FullName;
    private readonly List<string> copies = [];

    [Fact]
    public async Task an_untouched_ledger_extends_the_witness_checkpoint_and_the_report()
    {
        var (dir, witness, report) = await WitnessedAsync();

        var (exit, output, err) = await VerifyAsync(dir, "--checkpoint", witness);
        var (reportExit, reportOutput, _) = await VerifyAsync(dir, "--report", report);

        err.ShouldBeEmpty();
        exit.ShouldBe(0);
        output.ShouldContain("OK: the ledger extends checkpoint");
        reportExit.ShouldBe(0);
        reportOutput.ShouldContain("OK: the ledger extends report");
    }

    [Fact]
    public async Task cutting_off_the_last_five_events_is_found_with_the_checkpoint_and_by_the_read_models()
    {
        var (dir, witness, _) = await WitnessedAsync();
        (await Cli.RunAsync("eol-risk", "--data", dir)).Exit.ShouldBe(0); // the read models catch up, as serve keeps them
        Forger.CutOff(dir, 5);

        var (exit, output, _) = await VerifyAsync(dir, "--checkpoint", witness);
        var (plainExit, plain, _) = await VerifyAsync(dir);

        exit.ShouldBe(1);
        output.ShouldContain("events were cut off after it was signed");
        plainExit.ShouldBe(1);
        plain.ShouldContain("BROKEN: the ledger ends at position");
    }

    [Fact]
    public async Task an_edit_with_the_whole_chain_recomputed_is_found_with_the_checkpoint_and_the_report()
    {
        var (dir, witness, report) = await WitnessedAsync();
        var events = await Forger.ReadAsync(dir);
        events[99] = events[99] with { Actor = "mallory" };
        await Forger.RechainAsync(dir, events);

        var (exit, output, _) = await VerifyAsync(dir, "--checkpoint", witness);
        var (reportExit, reportOutput, _) = await VerifyAsync(dir, "--report", report);

        output.ShouldContain("OK: "); // the chain itself is consistent again
        exit.ShouldBe(1);
        output.ShouldContain("the history up to there was rewritten");
        reportExit.ShouldBe(1);
        reportOutput.ShouldContain($"BROKEN: report {report}");
        reportOutput.ShouldContain("the history up to there was rewritten");
    }

    [Fact]
    public async Task a_forged_start_and_completion_of_a_missed_window_inserted_with_the_chain_recomputed_is_found()
    {
        var (dir, witness, _) = await WitnessedAsync();
        var events = await Forger.ReadAsync(dir);
        var serializer = EventSerializer.Default;
        var (index, scheduled) = events.Select((e, i) => (i, e))
            .Where(p => p.e.Stream == "maintenance-data-prod" && p.e.Type == "V1.MaintenanceWindowScheduled")
            .Select(p => (p.i, Window: (MaintenanceWindowScheduled)serializer.FromStored(p.e)))
            .First(p => !events.Any(e => e.Type == "V1.MaintenanceStarted" && e.Json.Contains($"\"windowId\":\"{p.Window.WindowId}\"", StringComparison.Ordinal)));
        var at = events[index];
        var metadata = new EventMetadata("mallory", Guid.NewGuid(), Guid.NewGuid());
        StoredEvent Forge(DomainEvent e)
        {
            var stored = serializer.ToStored(e, Guid.NewGuid(), metadata);
            return at with { EventId = stored.EventId, Type = stored.Type, Json = stored.Json, Actor = "mallory" };
        }

        events.InsertRange(index + 1, [
            Forge(new MaintenanceStarted("data-prod", scheduled.WindowId, scheduled.StartsAt)),
            Forge(new MaintenanceCompleted("data-prod", scheduled.WindowId, WindowOutcome.Succeeded, null, scheduled.EndsAt)),
        ]);
        await Forger.RechainAsync(dir, events);

        var (exit, output, _) = await VerifyAsync(dir, "--checkpoint", witness);
        var (plainExit, plain, _) = await VerifyAsync(dir);

        exit.ShouldBe(1);
        output.ShouldContain("the history up to there was rewritten");
        plainExit.ShouldBe(1);
        plain.ShouldContain("the ledger was rewritten up to there"); // the read models' checkpoint
        plain.ShouldContain("BROKEN: checkpoint recorded at position"); // the checkpoints the ledger holds
    }

    [Fact]
    public async Task an_event_appended_with_a_back_dated_recorded_at_is_found_without_a_checkpoint()
    {
        var (dir, _, _) = await WitnessedAsync();
        var events = await Forger.ReadAsync(dir);
        var head = events[^1];
        var stream = events.Where(e => e.Stream == "maintenance-data-prod").ToList();
        var backdated = stream[^1] with
        {
            EventId = Guid.NewGuid(),
            Revision = stream[^1].Revision + 1,
            Position = head.Position + 1,
            RecordedAt = head.RecordedAt.AddDays(-200),
            PreviousHash = head.Hash,
        };
        backdated = backdated with { Hash = HashChain.Compute(backdated, head.Hash) };
        Forger.Execute(dir, $"""
            INSERT INTO events VALUES ({backdated.Position}, '{backdated.EventId}', '{backdated.Stream}', {backdated.Revision}, '{backdated.Type}', 1,
              '{backdated.RecordedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'}', '{backdated.Actor}', '{backdated.CorrelationId}', '{backdated.CausationId}',
              '{backdated.Json.Replace("'", "''", StringComparison.Ordinal)}', '{backdated.PreviousHash}', '{backdated.Hash}')
            """);

        var (exit, output, _) = await VerifyAsync(dir);

        exit.ShouldBe(1);
        output.ShouldContain($"position {backdated.Position}");
        output.ShouldContain("RecordedAtBackwards");
    }

    [Fact]
    public async Task an_empty_ledger_file_is_found_with_the_checkpoint_and_refused_by_the_queries_and_the_report()
    {
        var (dir, witness, _) = await WitnessedAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "-wal", "-shm" }) File.Delete(Forger.Ledger(dir) + suffix);
        await File.WriteAllBytesAsync(Forger.Ledger(dir), []);

        var (exit, output, _) = await VerifyAsync(dir, "--checkpoint", witness);
        var (queryExit, _, queryErr) = await Cli.RunAsync("eol-risk", "--data", dir);
        var (reportExit, _, reportErr) = await Cli.RunAsync("report", "--data", dir, "--scope", "fleet", "--from", "2026-01-01", "--to", "2026-06-30",
            "--out", Path.Combine(work, "empty.pdf"));

        exit.ShouldBe(1);
        output.ShouldContain("OK: 0 event(s) verified");
        output.ShouldContain("BROKEN: the ledger ends at position 0 but the read models were projected up to position");
        output.ShouldContain("the ledger ends at position 0, before the checkpoint's position");
        queryExit.ShouldBe(1);
        queryErr.ShouldContain("the ledger ends at position 0");
        reportExit.ShouldBe(1);
        reportErr.ShouldContain("the ledger ends at position 0");
        File.Exists(Path.Combine(work, "empty.pdf")).ShouldBeFalse();
    }

    /// <summary>A copy of the demo with a checkpoint exported for a witness and a report issued (as of mid-year).</summary>
    private async Task<(string Dir, string Witness, string Report)> WitnessedAsync()
    {
        var dir = demo.Copy();
        copies.Add(dir);
        var witness = Path.Combine(work, $"witness-{copies.Count}.json");
        var report = Path.Combine(work, $"report-{copies.Count}.pdf");
        (await Cli.RunAsync("report", "--data", dir, "--scope", "fleet", "--from", "2026-01-01", "--to", "2026-06-30", "--as-of", "2026-06-30", "--out", report))
            .Exit.ShouldBe(0);
        var (exit, output, err) = await Cli.RunAsync("checkpoint", "export", "--data", dir, "--out", witness);
        err.ShouldBeEmpty();
        exit.ShouldBe(0);
        output.ShouldContain("Signed checkpoint: position");
        return (dir, witness, report);
    }

    private static Task<(int Exit, string Out, string Err)> VerifyAsync(string dir, params string[] args) =>
        Cli.RunAsync(["verify", "--data", dir, "--public-key", Path.Combine(dir, "checkpoint-key.pem.pub"), .. args]);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var dir in copies.Append(work)) Directory.Delete(dir, recursive: true);
    }
}
