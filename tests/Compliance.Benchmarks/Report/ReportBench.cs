using System.Diagnostics;
using System.Globalization;
using Compliance.Adapters.Pdf;
using Compliance.Adapters.Sqlite.Events;
using Compliance.Application.Catalog;
using Compliance.Application.Demo;
using Compliance.Application.Handling;
using Compliance.Application.Reports;
using Compliance.Application.Serialization;
using Compliance.Application.Store;
using Compliance.Domain.Verdicts;
using Microsoft.Extensions.Time.Testing;

namespace Compliance.Benchmarks.Report;

/// <summary>
/// Report generation time and peak memory by fleet size: the demo fleet (10 clusters, 18 months) is written once, then
/// copied N/10 times under renamed cluster ids into one ledger per size, and the fleet report for the last 12 months
/// is issued from each. Peak memory is the process's peak resident set (VmHWM), reset before each report.
/// </summary>
internal static class ReportBench
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    public static async Task RunAsync(string dir, IReadOnlyList<int> sizes, TextWriter output, CancellationToken ct)
    {
        var folder = Directory.CreateDirectory(Path.Combine(dir, $"report-bench-{Guid.NewGuid():N}")).FullName;
        try
        {
            var seed = await SeedAsync(Path.Combine(folder, "seed.db"), ct);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed: the demo fleet, {seed.Count:N0} events for 10 clusters over 18 months"));
            foreach (var size in sizes)
            {
                var ledger = Path.Combine(folder, $"fleet-{size}.db");
                var events = await ReplicateAsync(seed, size / 10, ledger, ct);
                GC.Collect();
                GC.WaitForPendingFinalizers();
                ResetPeak();
                var before = GC.GetTotalAllocatedBytes(precise: true);
                using var process = Process.GetCurrentProcess();
                var cpuBefore = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                var stages = new StageTimes(watch);
                var clock = new FakeTimeProvider(Days.EndOf(Today).AddHours(1));
                IssuedReport issued;
                using (var store = new SqliteEventStore(ledger, clock))
                using (var handler = new CommandHandler(store))
                {
                    var service = new ReportService(store, handler, new PdfReportRenderer(), CatalogSnapshot.Embedded, clock);
                    var request = new ReportRequest(ReportScope.Fleet, Today.AddYears(-1), Today, Days.EndOf(Today), "Benchmark Ltd");
                    issued = await service.IssueAsync(request, null, Path.Combine(folder, "reports"), "bench", stages, ct);
                }

                var seconds = watch.Elapsed.TotalSeconds;
                process.Refresh();
                var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{size,4} clusters ({events:N0} events): report in {seconds:0.00} s wall, {cpu:0.00} s CPU; {Pages(issued.Rendered.Bytes)} pages, {issued.Rendered.Bytes.Length / 1e6:0.0} MB PDF; " +
                    $"allocated {(GC.GetTotalAllocatedBytes(precise: true) - before) / 1e6:N0} MB; peak resident {PeakMegabytes()} MB"));
                output.WriteLine($"      stages (start, s): {stages}");
                File.Delete(issued.Path);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<List<StoredEvent>> SeedAsync(string ledger, CancellationToken ct)
    {
        var steps = DemoFleet.Generate(CatalogSnapshot.Embedded.Catalog, Today, 42);
        var clock = new FakeTimeProvider(steps[0].At);
        using var store = new SqliteEventStore(ledger, clock, SqliteSynchronous.Normal);
        using var handler = new CommandHandler(store);
        await DemoRecorder.RecordAsync(handler, steps, EventIds.Derive(Guid.Empty, 42), clock.SetUtcNow, ct);

        var events = new List<StoredEvent>();
        await foreach (var e in store.ReadAllAsync(1, int.MaxValue, ct)) events.Add(e);
        return events;
    }

    /// <summary>Every event of the seed once per replica, cluster ids suffixed (-r01, ...), in the seed's order and at its instants; catalog facts once.</summary>
    private static async Task<int> ReplicateAsync(List<StoredEvent> seed, int replicas, string ledger, CancellationToken ct)
    {
        var clusters = seed.Where(e => e.Type == "V1.ClusterRegistered").Select(e => e.Stream["cluster-".Length..]).ToList();
        var clock = new FakeTimeProvider(seed[0].RecordedAt);
        using var store = new SqliteEventStore(ledger, clock, SqliteSynchronous.Normal);
        var written = 0;
        foreach (var run in Runs(seed))
        {
            clock.SetUtcNow(run[^1].RecordedAt);
            var copies = run[0].Stream.StartsWith("catalog-", StringComparison.Ordinal) ? 1 : replicas;
            for (var k = 0; k < copies; k++)
            {
                var batch = run.Select(e => new EventToAppend(EventIds.Derive(e.EventId, k), e.Type, e.SchemaVersion, Rename(e.Json, clusters, k),
                    new EventMetadata(e.Actor, e.CorrelationId, e.CausationId))).ToList();
                await store.AppendAsync(Rename(run[0].Stream, clusters, k), ExpectedRevision.Any, batch, ct);
                written += batch.Count;
            }
        }

        return written;
    }

    /// <summary>Consecutive events of one stream recorded at one instant (appended as one batch).</summary>
    private static IEnumerable<List<StoredEvent>> Runs(List<StoredEvent> events)
    {
        var run = new List<StoredEvent>();
        foreach (var e in events)
        {
            if (run.Count > 0 && (run[0].Stream != e.Stream || run[0].RecordedAt != e.RecordedAt))
            {
                yield return run;
                run = [];
            }

            run.Add(e);
        }

        if (run.Count > 0) yield return run;
    }

    private static string Rename(string text, List<string> clusters, int replica)
    {
        if (replica == 0) return text;
        var suffix = string.Create(CultureInfo.InvariantCulture, $"-r{replica:00}");
        foreach (var id in clusters)
        {
            text = text.Replace($"\"{id}\"", $"\"{id}{suffix}\"", StringComparison.Ordinal);
            if (text.EndsWith("-" + id, StringComparison.Ordinal)) text += suffix;
        }

        return text;
    }

    /// <summary>When each stage of the report started, for the breakdown line.</summary>
    private sealed class StageTimes(Stopwatch watch) : IProgress<ReportProgress>
    {
        private readonly List<string> starts = [];
        private string stage = "";

        public void Report(ReportProgress value)
        {
            if (value.Stage == stage) return;
            stage = value.Stage;
            starts.Add(string.Create(CultureInfo.InvariantCulture, $"{stage} {watch.Elapsed.TotalSeconds:0.00} (heap {GC.GetTotalMemory(false) / 1e6:N0} MB, resident {Environment.WorkingSet / 1e6:N0} MB)"));
        }

        public override string ToString() => string.Join("; ", starts);
    }

    private static int Pages(byte[] pdf) =>
        System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]").Count;

    /// <summary>Resets the kernel's peak resident set of this process (Linux: "5" to /proc/self/clear_refs).</summary>
    private static void ResetPeak()
    {
        try { File.WriteAllText("/proc/self/clear_refs", "5"); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private static string PeakMegabytes()
    {
        var line = File.Exists("/proc/self/status") ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) : null;
        if (line is null)
        {
            using var process = Process.GetCurrentProcess();
            return (process.PeakWorkingSet64 / 1e6).ToString("N0", CultureInfo.InvariantCulture);
        }

        var kilobytes = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return (kilobytes * 1024 / 1e6).ToString("N0", CultureInfo.InvariantCulture);
    }
}
