using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Compliance.Adapters.Sqlite.Events;
using Compliance.Application.Store;

namespace Compliance.Benchmarks.Api;

/// <summary>
/// <c>compliance-bench burst</c>: the denial of service of issue 13 as a benchmark. Writes the demo fleet (`compliance
/// demo`), starts `compliance serve` on it with its default limits and one auditor key, then sends N report requests at
/// once (the same one, or cycling through --distinct periods) while /health/live is probed every 100 ms. Prints the
/// answers by status and source, the slowest /health/live, the server's peak resident set and the ReportIssued events
/// the burst recorded. Further arguments go to serve as configuration. A benchmark, not a test.
/// </summary>
internal static class BurstCommand
{
    public static Command Create(TextWriter output)
    {
        var requests = new Option<int>("--requests") { Description = "Report requests sent at once", DefaultValueFactory = _ => 2_000 };
        var distinct = new Option<int>("--distinct") { Description = "Different reports among them (periods ending 0..N-1 days ago)", DefaultValueFactory = _ => 1 };
        var scope = new Option<string>("--scope") { Description = "Report scope", DefaultValueFactory = _ => "fleet" };
        var path = new Option<string?>("--path") { Description = "Send GET PATH instead of report requests (a comparison: the same burst on another endpoint)" };
        var dir = new Option<string?>("--dir") { Description = "Scratch folder (default: the system temp folder); removed afterwards" };
        var command = new Command("burst", "N concurrent report requests against serve while probing /health/live: latency, peak memory, reports recorded; "
            + "further arguments are passed to serve") { requests, distinct, scope, path, dir };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, ct) =>
        {
            var scratch = parse.GetValue(dir) ?? Path.GetTempPath();
            if (!Directory.Exists(scratch)) throw new UserError($"--dir: folder '{scratch}' does not exist");
            if (parse.GetValue(requests) < 1 || parse.GetValue(distinct) < 1) throw new UserError("--requests and --distinct must be at least 1");
            var folder = Directory.CreateDirectory(Path.Combine(scratch, $"burst-bench-{Guid.NewGuid():N}")).FullName;
            try
            {
                await WriteDemoAsync(folder, ct);
                await RunAsync(folder, parse.GetValue(scope)!, parse.GetValue(path), parse.GetValue(requests), parse.GetValue(distinct), [.. parse.UnmatchedTokens], output, ct);
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
            }

            return 0;
        });
        return command;
    }

    private static async Task RunAsync(string folder, string scope, string? fixedPath, int count, int distinct, string[] serveArguments, TextWriter output, CancellationToken ct)
    {
        var issuedBefore = await IssuedAsync(folder, ct);
        var key = Guid.NewGuid().ToString("N");
        var url = $"http://127.0.0.1:{ApiCommand.FreePort()}";
        using var server = ApiCommand.StartServer(folder, url, key, serveArguments, defaultRateLimit: true);
        var statuses = new ConcurrentDictionary<string, int>();
        var sources = new ConcurrentDictionary<string, int>();
        var documents = new ConcurrentDictionary<string, byte>();
        double seconds, cpu, cpuBefore;
        long residentBefore;
        LiveProbe probe, idle;
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = count + 8 }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(30) };
            http.DefaultRequestHeaders.Add("X-Api-Key", key);
            await ApiCommand.WaitReadyAsync(http, server, ct);
            if (serveArguments.Length > 0) output.WriteLine($"serve configured with: {string.Join(' ', serveArguments)}");
            residentBefore = LiveProbe.ResidentKb(server.Id);
            // The machine's own noise first: /health/live for 3 s with nothing else sent.
            idle = new LiveProbe(url, server.Id, TimeSpan.FromMilliseconds(100));
            using (var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(3))) await idle.RunAsync(quiet.Token);
            probe = new LiveProbe(url, server.Id, TimeSpan.FromMilliseconds(100));
            using var stopProbe = new CancellationTokenSource();
            var probing = probe.RunAsync(stopProbe.Token);
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            cpuBefore = LiveProbe.CpuSeconds(server.Id);
            var start = Stopwatch.GetTimestamp();
            await Task.WhenAll(Enumerable.Range(0, count).Select(i => Task.Run(async () =>
            {
                var to = today.AddDays(-(i % distinct));
                var path = fixedPath ?? string.Create(CultureInfo.InvariantCulture, $"/api/v1/reports?scope={Uri.EscapeDataString(scope)}&from={to.AddDays(-89):yyyy-MM-dd}&to={to:yyyy-MM-dd}");
                try
                {
                    using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, ct);
                    await response.Content.CopyToAsync(Stream.Null, ct);
                    statuses.AddOrUpdate(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
                    if (response.StatusCode != HttpStatusCode.OK) return;
                    sources.AddOrUpdate(response.Headers.TryGetValues("X-Report-Source", out var v) ? v.First() : "(no header)", 1, (_, n) => n + 1);
                    documents.TryAdd(response.Headers.ETag?.Tag ?? "", 0);
                }
                catch (HttpRequestException e)
                {
                    statuses.AddOrUpdate($"failed: {e.HttpRequestError}", 1, (_, n) => n + 1);
                }
            }, ct)));
            seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            cpu = LiveProbe.CpuSeconds(server.Id) - cpuBefore;
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            await stopProbe.CancelAsync();
            await probing;
        }
        finally
        {
            if (!server.HasExited) server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync(CancellationToken.None);
        }

        var issued = await IssuedAsync(folder, ct) - issuedBefore;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"burst: {count:N0} concurrent GET {fixedPath ?? $"/api/v1/reports?scope={scope} ({distinct} distinct)"}, all answered in {seconds:0.0} s, server CPU {cpu:0.0} s"));
        output.WriteLine($"answers by status: {Join(statuses)}; 200s by source: {Join(sources)}; distinct documents served: {documents.Count}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ReportIssued recorded by the burst: {issued}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"/health/live during the burst: {probe.Probes} probes every 100 ms, median {probe.MedianLatencyMs:0} ms, slowest {probe.MaxLatencyMs:0} ms, {probe.SlowerThanOneSecond} over 1 s, {probe.Failures} failed; idle before it: median {idle.MedianLatencyMs:0} ms, slowest {idle.MaxLatencyMs:0} ms"));
        output.WriteLine($"slowest probes: {probe.Slowest(3)} (the burst starts at 0 s)");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"server resident set: {residentBefore / 1024.0:0} MB before, peak {probe.MaxResidentMb:0} MB; {System.Environment.ProcessorCount} cores, load average {RunUsage.ReadLoadAverage()}"));
    }

    private static string Join(ConcurrentDictionary<string, int> counts) =>
        string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} x{c.Value:N0}")));

    /// <summary>The demo fleet as README's first command writes it, by the built `compliance` beside this program.</summary>
    private static async Task WriteDemoAsync(string folder, CancellationToken ct)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "compliance.dll");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        foreach (var arg in new[] { dll, "demo", "--data", folder }) start.ArgumentList.Add(arg);
        using var demo = Process.Start(start)!;
        var error = demo.StandardError.ReadToEndAsync(ct);
        await demo.StandardOutput.ReadToEndAsync(ct);
        await demo.WaitForExitAsync(ct);
        if (demo.ExitCode != 0) throw new UserError($"compliance demo exited with {demo.ExitCode}: {await error}");
    }

    private static async Task<int> IssuedAsync(string folder, CancellationToken ct)
    {
        using var store = new SqliteEventStore(Path.Combine(folder, "ledger.db"), TimeProvider.System);
        var count = 0;
        await foreach (var _ in store.ReadStreamAsync("reports", Direction.Forwards, 0, int.MaxValue, ct)) count++;
        return count;
    }
}
