using System.Diagnostics;
using System.Globalization;
using Compliance.Adapters.Sqlite.Events;
using Compliance.Application.Store;

namespace Compliance.Adapters.Sqlite.Tests;

public sealed class CrashTests
{
    private const int BatchSize = 7;

    [Fact]
    public async Task every_batch_committed_before_the_writer_is_killed_is_there_whole_and_the_chain_verifies()
    {
        using var folder = new TempFolder();
        var database = folder.File("ledger.db");
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = cts.Token;

        var committed = new List<long>();
        using (var writer = StartWriter(database))
        {
            while (committed.Count < 40)
            {
                var line = await writer.StandardOutput.ReadLineAsync(ct)
                    ?? throw new InvalidOperationException($"The writer stopped: {await writer.StandardError.ReadToEndAsync(ct)}");
                committed.Add(long.Parse(line, CultureInfo.InvariantCulture));
            }

            writer.Kill(); // SIGKILL: no finally blocks, no disposal, whatever transaction is open stays open.
            await writer.WaitForExitAsync(ct);
            while (await writer.StandardOutput.ReadLineAsync(ct) is { } line)
            {
                committed.Add(long.Parse(line, CultureInfo.InvariantCulture));
            }
        }

        using var store = new SqliteEventStore(database, TimeProvider.System);
        var head = await store.ReadHeadAsync(ct);
        var all = await store.ReadAllAsync(1, int.MaxValue, ct).ToListAsync(ct);

        committed.ShouldBe(Enumerable.Range(1, committed.Count).Select(b => (long)b * BatchSize));
        head.Position.ShouldBeInRange(committed[^1], committed[^1] + BatchSize);
        (head.Position % BatchSize).ShouldBe(0, "a batch was half written");
        all.Chunk(BatchSize).ShouldAllBe(batch => batch.All(e => e.Stream == batch[0].Stream && e.RecordedAt == batch[0].RecordedAt));
        var verification = await HashChainVerifier.VerifyAsync(store, ct);
        verification.Intact.ShouldBeTrue(verification.FirstBreak?.ToString());
        verification.Verified.ShouldBe(head.Position);

        var after = await store.AppendAsync("after-crash", ExpectedRevision.NoStream, [SqliteTestEvents.Event(1)], ct);
        after.Positions.ShouldBe([head.Position + 1]);
    }

    private static Process StartWriter(string database)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Compliance.Testing.CrashWriter.dll"));
        start.ArgumentList.Add(database);
        start.ArgumentList.Add(BatchSize.ToString(CultureInfo.InvariantCulture));
        return Process.Start(start) ?? throw new InvalidOperationException("could not start the crash writer");
    }
}
