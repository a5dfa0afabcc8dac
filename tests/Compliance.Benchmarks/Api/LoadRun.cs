using System.Buffers;
using System.Diagnostics;
using System.Globalization;

namespace Compliance.Benchmarks.Api;

/// <summary>
/// Latency percentiles and throughput of one load run. For fixed-rate runs SentP99Ms is the p99 counted from when each
/// request was actually sent (the server's share of the tail) and LateP99Ms the generator's own lateness.
/// </summary>
internal sealed record LoadResult(string Name, string Mode, long Requests, long Errors, double Seconds, double P50Ms, double P99Ms, double MaxMs, long Bytes,
    double? SentP99Ms = null, double? LateP99Ms = null)
{
    public double PerSecond => Requests / Seconds;

    public string[] Cells() =>
    [
        Name, Mode, Requests.ToString("N0", CultureInfo.InvariantCulture), Errors.ToString(CultureInfo.InvariantCulture), PerSecond.ToString("N0", CultureInfo.InvariantCulture),
        (Bytes / Seconds / 1e6).ToString("N1", CultureInfo.InvariantCulture),
        Ms(P50Ms), Ms(P99Ms), SentP99Ms is { } sent ? Ms(sent) : "", LateP99Ms is { } late ? Ms(late) : "", Ms(MaxMs),
        (Requests == 0 ? 0 : Bytes / Requests).ToString("N0", CultureInfo.InvariantCulture),
    ];

    public static string[] Headings { get; } =
        ["endpoint", "load", "requests", "errors", "req/s", "MB/s", "p50 ms", "p99 ms", "p99 from send", "sent late p99", "max ms", "bytes/answer"];

    private static string Ms(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}

/// <summary>Closed-loop load from this process against a server in another: N connections, each sending its next request when the last is answered.</summary>
internal static class LoadRun
{
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
        var latencies = all.SelectMany(l => l).Order().ToArray();
        return new LoadResult(name, $"{connections} connections", latencies.Length, errors, Stopwatch.GetElapsedTime(start).TotalSeconds,
            Percentiles.Of(latencies, 0.50), Percentiles.Of(latencies, 0.99), latencies.Length == 0 ? 0 : latencies[^1], bytes);
    }

    /// <summary>
    /// One GET, its answer read to the end into a reused buffer and counted, not kept: a 620 KB answer read into a new
    /// array each time would have this process collecting large-object garbage while it measures.
    /// </summary>
    public static async Task<(bool Ok, long Size)> SendAsync(HttpClient http, string path, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, ct);
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            long size = 0;
            for (var read = await body.ReadAsync(buffer, ct); read > 0; read = await body.ReadAsync(buffer, ct)) size += read;
            return (response.IsSuccessStatusCode, size);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return (false, 0);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

/// <summary>Nearest-rank percentiles of sorted values.</summary>
internal static class Percentiles
{
    public static double Of(double[] sorted, double q) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
}
