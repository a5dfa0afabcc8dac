using System.Diagnostics;
using System.Globalization;

namespace Compliance.Benchmarks.Api;

/// <summary>
/// While a burst runs: GET /health/live every interval on a connection of its own, and the server's resident set from
/// /proc at each tick. A probe still unanswered counts from when it was sent, so a server that stops answering shows as
/// one long latency, not as missing samples.
/// </summary>
internal sealed class LiveProbe(string url, int serverPid, TimeSpan every)
{
    private readonly List<double> latencies = [];
    private long maxResidentKb;
    private int failures;

    public double MaxLatencyMs => latencies.Count == 0 ? 0 : latencies.Max();

    public int Probes => latencies.Count;

    public int SlowerThanOneSecond => latencies.Count(l => l > 1000);

    public int Failures => failures;

    public double MaxResidentMb => maxResidentKb / 1024.0;

    public async Task RunAsync(CancellationToken stop)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 4 }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(15) };
        var pending = new List<Task>();
        using var timer = new PeriodicTimer(every);
        try
        {
            do
            {
                maxResidentKb = Math.Max(maxResidentKb, ResidentKb(serverPid));
                pending.Add(ProbeAsync(http));
            }
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }

        await Task.WhenAll(pending);
    }

    private async Task ProbeAsync(HttpClient http)
    {
        var sent = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.GetAsync("/health/live");
            if (!response.IsSuccessStatusCode) Interlocked.Increment(ref failures);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Interlocked.Increment(ref failures);
        }

        lock (latencies) latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
    }

    /// <summary>VmRSS of the process in KB (Linux), 0 when it cannot be read.</summary>
    public static long ResidentKb(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
