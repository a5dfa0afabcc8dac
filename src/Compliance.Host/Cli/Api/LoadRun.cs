using System.Diagnostics;
using System.Globalization;

namespace Compliance.Host.Cli.Api;

/// <summary>Latency percentiles and throughput of one load run.</summary>
/// <summary>For fixed-rate runs SentP99Ms is the p99 counted from when each request was actually sent (the server's share of the tail).</summary>
internal sealed record LoadResult(string Name, string Mode, long Requests, long Errors, double Seconds, double P50Ms, double P99Ms, double MaxMs, long Bytes, double? SentP99Ms = null)
{
    public double PerSecond => Requests / Seconds;

    public string[] Cells() =>
    [
        Name, Mode, Requests.ToString("N0", CultureInfo.InvariantCulture), Errors.ToString(CultureInfo.InvariantCulture), PerSecond.ToString("N0", CultureInfo.InvariantCulture),
        P50Ms.ToString("0.00", CultureInfo.InvariantCulture), P99Ms.ToString("0.00", CultureInfo.InvariantCulture),
        SentP99Ms?.ToString("0.00", CultureInfo.InvariantCulture) ?? "", MaxMs.ToString("0.00", CultureInfo.InvariantCulture),
        (Requests == 0 ? 0 : Bytes / Requests).ToString("N0", CultureInfo.InvariantCulture),
    ];
}

/// <summary>
/// Load from this process against a server in another: an open loop at a fixed rate (latency counted from when each
/// request was due, so a stall is not hidden by sending less) and a closed loop of N connections as fast as they go.
/// </summary>
internal static class LoadRun
{
    public static async Task<LoadResult> FixedRateAsync(HttpClient http, string name, string path, int perSecond, TimeSpan duration, CancellationToken ct)
    {
        var total = (int)(perSecond * duration.TotalSeconds);
        var latencies = new double[total];
        var sent = new double[total];
        var tasks = new List<Task>(total);
        long errors = 0, bytes = 0;
        var start = Stopwatch.GetTimestamp();
        var next = 0;
        while (next < total)
        {
            // Fire every request that is due, then sleep about a millisecond: no busy wait competing with the server.
            var now = Stopwatch.GetTimestamp();
            for (; next < total; next++)
            {
                var due = start + (long)(next * (double)Stopwatch.Frequency / perSecond);
                if (due > now) break;
                tasks.Add(Timed(http, path, due, latencies, sent, next, ct).ContinueWith(t =>
                {
                    if (!t.Result.Ok) Interlocked.Increment(ref errors);
                    Interlocked.Add(ref bytes, t.Result.Size);
                }, ct, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default));
            }

            if (next < total) await Task.Delay(1, ct);
        }

        await Task.WhenAll(tasks);
        Array.Sort(sent);
        return Result(name, $"{perSecond:N0}/s fixed", latencies, errors, Stopwatch.GetElapsedTime(start).TotalSeconds, bytes)
            with { SentP99Ms = sent.Length == 0 ? 0 : sent[Math.Min(sent.Length - 1, (int)Math.Ceiling(0.99 * sent.Length) - 1)] };
    }

    private static async Task<(bool Ok, long Size)> Timed(HttpClient http, string path, long due, double[] latencies, double[] sent, int index, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        var result = await SendAsync(http, path, ct);
        latencies[index] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
        sent[index] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        return result;
    }

    public static async Task<LoadResult> SaturateAsync(HttpClient http, string name, string path, int connections, TimeSpan duration, CancellationToken ct)
    {
        var all = new List<double>[connections];
        long errors = 0, bytes = 0;
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, connections).Select(c => Task.Run(async () =>
        {
            var mine = all[c] = new List<double>(100_000);
            while (Stopwatch.GetTimestamp() < end)
            {
                var sent = Stopwatch.GetTimestamp();
                var (ok, size) = await SendAsync(http, path, ct);
                mine.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                if (!ok) Interlocked.Increment(ref errors);
                Interlocked.Add(ref bytes, size);
            }
        }, ct)));
        return Result(name, $"{connections} connections", [.. all.SelectMany(l => l)], errors, Stopwatch.GetElapsedTime(start).TotalSeconds, bytes);
    }

    private static async Task<(bool Ok, long Size)> SendAsync(HttpClient http, string path, CancellationToken ct)
    {
        try
        {
            using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead, ct);
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            return (response.IsSuccessStatusCode, body.Length);
        }
        catch (HttpRequestException)
        {
            return (false, 0);
        }
    }

    private static LoadResult Result(string name, string mode, double[] latencies, long errors, double seconds, long bytes)
    {
        Array.Sort(latencies);
        double At(double q) => latencies.Length == 0 ? 0 : latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(q * latencies.Length) - 1)];
        return new LoadResult(name, mode, latencies.Length, errors, seconds, At(0.50), At(0.99), latencies.Length == 0 ? 0 : latencies[^1], bytes);
    }
}
