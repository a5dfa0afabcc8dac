using System.Diagnostics;
using System.Globalization;

namespace Compliance.Benchmarks.Api;

/// <summary>
/// While a burst runs: GET /health/live every interval and the server's resident set from /proc, on a thread of its own
/// with blocking calls, so the load this process generates (thousands of pending requests on the thread pool) does not
/// delay the probe. A probe that takes longer than the interval is counted whole, so a server that stops answering shows
/// as one long latency, not as missing samples.
/// </summary>
internal sealed class LiveProbe(string url, int serverPid, TimeSpan every)
{
    private readonly List<double> latencies = [];
    private readonly List<double> sentAt = [];
    private readonly long started = Stopwatch.GetTimestamp();
    private long maxResidentKb;
    private int failures;

    public double MaxLatencyMs => latencies.Count == 0 ? 0 : latencies.Max();

    public double MedianLatencyMs => latencies.Count == 0 ? 0 : latencies.Order().ElementAt(latencies.Count / 2);

    public int Probes => latencies.Count;

    /// <summary>The slowest probes as "latency ms at s after the probe started".</summary>
    public string Slowest(int count) => string.Join(", ", latencies.Select((l, i) => (l, i)).OrderByDescending(p => p.l).Take(count)
        .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.l:0} ms at {sentAt[p.i]:0.0} s")));

    public int SlowerThanOneSecond => latencies.Count(l => l > 1000);

    public int Failures => failures;

    public double MaxResidentMb => maxResidentKb / 1024.0;

    /// <summary>Probes until <paramref name="stop"/> is cancelled, on a dedicated thread; the task ends with the thread.</summary>
    public Task RunAsync(CancellationToken stop)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Run(stop);
                done.SetResult();
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        }) { IsBackground = true, Name = "live-probe" };
        thread.Start();
        return done.Task;
    }

    private void Run(CancellationToken stop)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(15) };
        var next = Stopwatch.GetTimestamp();
        var interval = (long)(every.TotalSeconds * Stopwatch.Frequency);
        while (!stop.IsCancellationRequested)
        {
            maxResidentKb = Math.Max(maxResidentKb, ResidentKb(serverPid));
            var sent = Stopwatch.GetTimestamp();
            try
            {
                using var response = http.Send(new HttpRequestMessage(HttpMethod.Get, "/health/live"), CancellationToken.None);
                if (!response.IsSuccessStatusCode) failures++;
            }
            catch (HttpRequestException)
            {
                failures++;
            }

            latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            sentAt.Add((sent - started) / (double)Stopwatch.Frequency);
            next += interval;
            var now = Stopwatch.GetTimestamp();
            if (next < now) next = now;
            else stop.WaitHandle.WaitOne(TimeSpan.FromSeconds((next - now) / (double)Stopwatch.Frequency));
        }
    }

    /// <summary>CPU seconds (user and system) the process has used (Linux /proc/PID/stat), NaN when it cannot be read.</summary>
    public static double CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException)
        {
            return double.NaN;
        }
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
