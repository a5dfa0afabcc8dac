using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Compliance.Benchmarks.Api;

/// <summary>
/// <c>compliance-bench api</c>: starts the built `compliance serve` (compliance.dll, built beside this program) as a
/// child process on a 200-cluster fleet and loads GET /api/v1/fleet/eol-risk, /health/live and the fleet page (/fleet) from this process: a
/// fixed rate (default 1,000/s; the page 100/s) and saturation,
/// with wrk as well when it is installed. Every endpoint is warmed up first (reported, not measured); each run also
/// reports what it cost the server (CPU, allocation, garbage collections from its /metrics) and the load average.
/// Further arguments go to `compliance serve` as configuration. A benchmark, not a test.
/// </summary>
internal static class ApiCommand
{
    /// <summary>The header serve reads a key from (README: `curl -H 'X-Api-Key: ...'`).</summary>
    private const string KeyHeader = "X-Api-Key";

    public static Command Create(TextWriter output)
    {
        var events = new Option<int>("--events") { Description = "Events in the fleet's ledger", DefaultValueFactory = _ => 200_000 };
        var seconds = new Option<int>("--seconds") { Description = "Length of each run", DefaultValueFactory = _ => 10 };
        var rate = new Option<int>("--rate") { Description = "Requests per second of the fixed-rate runs", DefaultValueFactory = _ => 1_000 };
        var pageRate = new Option<int>("--page-rate") { Description = "Requests per second of the fleet page's fixed-rate run", DefaultValueFactory = _ => 100 };
        var connections = new Option<int>("--connections") { Description = "Concurrent connections of the saturation runs", DefaultValueFactory = _ => 32 };
        var dir = new Option<string?>("--dir") { Description = "Scratch folder (default: the system temp folder); removed afterwards" };
        var command = new Command("api", "API latency and throughput: fleet EOL risk next to /health/live, served by a second process; "
            + "further arguments are passed to serve (--Compliance:Bus:IntegrationPollInterval=01:00:00)") { events, seconds, rate, pageRate, connections, dir };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, ct) =>
        {
            var scratch = parse.GetValue(dir) ?? Path.GetTempPath();
            if (!Directory.Exists(scratch)) throw new UserError($"--dir: folder '{scratch}' does not exist");
            if (parse.GetValue(seconds) < 1 || parse.GetValue(rate) < 1 || parse.GetValue(pageRate) < 1 || parse.GetValue(connections) < 1)
                throw new UserError("--seconds, --rate, --page-rate and --connections must be at least 1");
            var folder = Directory.CreateDirectory(Path.Combine(scratch, $"api-bench-{Guid.NewGuid():N}")).FullName;
            try
            {
                await ApiBenchFleet.WriteAsync(folder, parse.GetValue(events), output, ct);
                await RunAsync(folder, [.. parse.UnmatchedTokens], TimeSpan.FromSeconds(parse.GetValue(seconds)), parse.GetValue(rate), parse.GetValue(pageRate),
                    parse.GetValue(connections), output, ct);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }

            return 0;
        });
        return command;
    }

    private static async Task RunAsync(string folder, string[] serveArguments, TimeSpan duration, int rate, int pageRate, int connections, TextWriter output, CancellationToken ct)
    {
        var key = Guid.NewGuid().ToString("N");
        var url = $"http://127.0.0.1:{FreePort()}";
        using var server = StartServer(folder, url, key, serveArguments);
        try
        {
            using var plain = Client(url, key, gzip: false);
            using var gzip = Client(url, key, gzip: true);
            await WaitReadyAsync(plain, server, ct);
            if (serveArguments.Length > 0) output.WriteLine($"serve configured with: {string.Join(' ', serveArguments)}");
            (string Name, string Path, HttpClient Http, bool Gzip, int Rate)[] runs =
            [
                ("/health/live", "/health/live", plain, false, rate),
                ("/api/v1/fleet/eol-risk (gzip)", "/api/v1/fleet/eol-risk", gzip, true, rate),
                ("/api/v1/fleet/eol-risk", "/api/v1/fleet/eol-risk", plain, false, rate),
                ("/fleet (the fleet page)", "/fleet", plain, false, pageRate),
            ];
            await WarmUpAsync(runs.Select(r => (r.Name, r.Path, r.Http, r.Rate)), output, ct);
            var results = new List<RunUsage>();
            foreach (var run in runs)
            {
                if (await MeasureAsync(plain, async () => await FixedRate.RunAsync(run.Http, run.Name, run.Path, run.Rate, duration, ct), client: true, ct) is { } fixedRate)
                    results.Add(fixedRate);
            }

            foreach (var run in runs)
            {
                if (await MeasureAsync(plain, async () => await LoadRun.SaturateAsync(run.Http, run.Name, run.Path, connections, duration, ct), client: true, ct) is { } saturated)
                    results.Add(saturated);
            }

            foreach (var run in runs)
            {
                if (await MeasureAsync(plain, () => Wrk.RunAsync(run.Name, url + run.Path, key, run.Gzip, connections, duration, ct), client: false, ct) is { } wrk) results.Add(wrk);
            }

            output.Write(Columns.Format(LoadResult.Headings, results.Select(r => r.Run.Cells())));
            output.WriteLine();
            output.Write(Columns.Format(RunUsage.Headings, results.Select(r => r.Cells())));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{System.Environment.ProcessorCount} cores, shared by server and load; fixed-rate latency counts from when each request was due (p99 from send: from when it left; sent late: the generator's own lateness)."));
        }
        finally
        {
            if (!server.HasExited) server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Before anything is measured each endpoint is loaded as the runs will load it (2 s at 4 connections, then 2 s at the
    /// fixed rate), so JIT tiering, connection set-up and the fleet table's (and page's) first evaluation are not counted.
    /// </summary>
    private static async Task WarmUpAsync(IEnumerable<(string Name, string Path, HttpClient Http, int Rate)> runs, TextWriter output, CancellationToken ct)
    {
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        long requests = 0;
        foreach (var (name, path, http, rate) in runs)
        {
            requests += (await LoadRun.SaturateAsync(http, name, path, 4, TimeSpan.FromSeconds(2), ct)).Requests;
            requests += (await FixedRate.RunAsync(http, name, path, rate, TimeSpan.FromSeconds(2), ct)).Requests;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"warm-up, not measured: each endpoint 2 s at 4 connections then 2 s at its fixed rate; {requests:N0} requests in {System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalSeconds:0.0} s"));
    }

    private static async Task<RunUsage?> MeasureAsync(HttpClient metrics, Func<Task<LoadResult?>> run, bool client, CancellationToken ct)
    {
        var before = await ServerSample.ReadAsync(metrics, ct);
        var machine = RunUsage.ReadMachineCpuSeconds();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var result = await run();
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        machine = RunUsage.ReadMachineCpuSeconds() - machine;
        var after = await ServerSample.ReadAsync(metrics, ct);
        return result is null ? null : new RunUsage(result, before, after, client ? used : null, machine, RunUsage.ReadLoadAverage());
    }

    /// <summary>A client that sends the key (and Accept-Encoding: gzip when asked) and reads answers as bytes, undecoded.</summary>
    private static HttpClient Client(string url, string key, bool gzip)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = new Uri(url) };
        http.DefaultRequestHeaders.Add(KeyHeader, key);
        if (gzip) http.DefaultRequestHeaders.Add("Accept-Encoding", "gzip");
        return http;
    }

    /// <summary>`compliance serve` on <paramref name="folder"/> with one auditor key; without a rate limit unless <paramref name="defaultRateLimit"/>.</summary>
    internal static Process StartServer(string folder, string url, string key, string[] serveArguments, bool defaultRateLimit = false)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "compliance.dll");
        if (!File.Exists(dll)) throw new UserError($"the product's compliance.dll is not beside compliance-bench ({dll}): build tests/Compliance.Benchmarks, which builds src/Compliance.Host");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { dll, "serve", "--urls", url, "--data", folder }.Concat(serveArguments)) start.ArgumentList.Add(arg);
        start.Environment["COMPLIANCE_API__KEYS__0__NAME"] = "bench";
        start.Environment["COMPLIANCE_API__KEYS__0__ROLE"] = "auditor";
        // Keys are configured as README says: the SHA-256 of the key, in hex.
        start.Environment["COMPLIANCE_API__KEYS__0__SHA256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        if (!defaultRateLimit) start.Environment["COMPLIANCE_API__RATELIMIT__PERMITLIMIT"] = "100000000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    internal static async Task WaitReadyAsync(HttpClient http, Process server, CancellationToken ct)
    {
        for (var i = 0; i < 1200; i++)
        {
            if (server.HasExited) throw new UserError($"compliance serve exited with {server.ExitCode}");
            try
            {
                if ((await http.GetAsync("/health/ready", ct)).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100, ct);
        }

        throw new UserError("compliance serve was not ready within 120 s");
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
