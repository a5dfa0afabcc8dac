using System.CommandLine;
using Compliance.Adapters.Sqlite.Events;
using Compliance.Host.Composition;
using Compliance.Application.Catalog;
using Compliance.Application.Demo;
using Compliance.Application.Handling;
using Compliance.Application.Reports;
using Compliance.Application.Serialization;
using Compliance.Domain.Verdicts;

namespace Compliance.Host.Cli;

/// <summary>
/// <c>compliance demo</c>: writes a simulated fleet with 18 months of history into a fresh ledger, projects it and
/// prints the fleet's EOL risk and patch latency. Replaces only a ledger that an earlier demo wrote.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(TimeProvider time, TextWriter output, TextWriter error)
    {
        var seed = new Option<int>("--seed") { Description = "Seed of the simulated history (same seed, same history)", DefaultValueFactory = _ => 42 };
        var today = new Option<string?>("--today") { Description = "Last day of the simulated history, YYYY-MM-DD (default: today, UTC)" };
        var command = new Command("demo", "Write a simulated fleet into a fresh ledger and show its EOL risk and patch latency") { seed, today };
        command.SetAction(async (parse, ct) =>
        {
            var data = DataDirectory.Resolve(parse.GetValue(Options.Data));
            var lastDay = Arguments.Date("--today", parse.GetValue(today), DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
            var evaluatedAt = parse.GetValue(today) is null ? time.GetUtcNow() : Days.EndOf(lastDay);
            Prepare(data);
            using var progress = new Progress(error);
            progress.Phase("generating the simulated fleet");
            var steps = DemoFleet.Generate(CatalogSnapshot.Embedded.Catalog, lastDay, parse.GetValue(seed));
            output.WriteLine($"Writing {steps.Count} simulated commands into {data.LedgerFile} ...");
            progress.Phase($"writing {steps.Count:N0} simulated commands", steps.Count);
            await WriteAsync(data, steps, parse.GetValue(seed), progress, ct);
            progress.Phase("projecting the ledger into the read models");

            var clock = new FixedClock(evaluatedAt);
            await using var ledger = LocalServices.Open(data.Path, "sqlite", clock, requireLedger: true);
            var (events, _) = await ledger.RebuildAsync(ct);
            var clusters = (await ledger.Fleet.ClustersAsync(ct)).ToDictionary(c => c.ClusterId);
            var risk = EolRiskCommand.Table(await ledger.Fleet.EolRiskAsync(null, lastDay, ct), c => clusters.TryGetValue(c, out var r) ? r.Environment : "");
            var (from, to) = (lastDay.AddYears(-1), lastDay);
            var latency = PatchSummary.Table(await ledger.Fleet.PatchLatencyAsync(null, evaluatedAt, ct), from, to, evaluatedAt);
            progress.Phase("writing the fleet report");
            var report = await ReportCommand.IssueAsync(ledger.Reports, new(ReportScope.Fleet, from, to, evaluatedAt, ReportCommand.Organisation(null)), null, null, ct);
            // The progress line is erased before the results, so they never share a line on the terminal.
            progress.Dispose();
            output.WriteLine($"Projected {events} events for {clusters.Count} clusters.\n");
            foreach (var scenario in DemoFleet.Scenarios) output.WriteLine($"  - {scenario}");
            output.WriteLine($"\nFleet EOL risk as of {Text.Day(lastDay)}:\n");
            risk.WriteTo(output);
            output.WriteLine($"\nPatch latency of the patches released {Text.Day(from)} to {Text.Day(to)} (the report's period), as of {Text.Day(lastDay)}:\n");
            latency.WriteTo(output);
            output.WriteLine($"\nFleet report ({Text.Day(from)} to {Text.Day(to)}): {report.Path}");
            CheckpointCommand.Announce(ledger, report.Rendered.Report.Checkpoint, output);
            output.WriteLine($"\nData directory: {data.Path}  (try: compliance eol-risk --data {data.Path}; compliance verify --data {data.Path})");
            return 0;
        });
        return command;
    }

    /// <summary>A fresh folder, or one an earlier demo wrote; anything else is refused so no real ledger is ever replaced.</summary>
    private static void Prepare(DataDirectory data)
    {
        data.RequireFolder();
        if (data.HasLedger && !File.Exists(data.DemoMarker))
            throw new UserError($"{data.Path} holds a ledger that is not a demo; pass --data with an empty or new folder");
        Directory.CreateDirectory(data.Path);
        foreach (var file in new[] { data.LedgerFile, data.ReadModelsFile })
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(file + suffix);
        }

        File.WriteAllText(data.DemoMarker, "This ledger was written by 'compliance demo'; the next demo may replace it.\n");
    }

    private static async Task WriteAsync(DataDirectory data, IReadOnlyList<DemoStep> steps, int seed, Progress progress, CancellationToken ct)
    {
        var clock = new SteppedClock(steps.Count > 0 ? steps[0].At : DateTimeOffset.UnixEpoch);
        using var store = new SqliteEventStore(data.LedgerFile, clock, SqliteSynchronous.Normal);
        using var handler = new CommandHandler(store);
        await DemoRecorder.RecordAsync(handler, steps, EventIds.Derive(Guid.Empty, seed), at =>
        {
            clock.Now = at;
            progress.Advance();
        }, ct);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
