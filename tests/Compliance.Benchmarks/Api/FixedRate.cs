using System.Diagnostics;

namespace Compliance.Benchmarks.Api;

/// <summary>
/// Open-loop load at a fixed rate. One thread of its own sends each request when it is due, sleeping precisely in
/// between (<see cref="Sleeper"/>): a loop on the thread pool with Task.Delay(1) wakes every few milliseconds under load
/// and then sends in bursts, which is what the generator measured instead of the server. Latency counts from when each
/// request was due, so a stall is not hidden by sending less (no coordinated omission); the time from sending and the
/// generator's own lateness (sent minus due) are reported beside it.
/// </summary>
internal static class FixedRate
{
    public static async Task<LoadResult> RunAsync(HttpClient http, string name, string path, int perSecond, TimeSpan duration, CancellationToken ct)
    {
        var total = (int)(perSecond * duration.TotalSeconds);
        var timings = new Timings(total);
        var requests = new Task[total];
        var begin = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 100;
        for (var i = 0; i < total; i++) timings.Due[i] = begin + (long)(i * (double)Stopwatch.Frequency / perSecond);

        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sender = new Thread(() =>
        {
            try
            {
                for (var i = 0; i < total; i++)
                {
                    ct.ThrowIfCancellationRequested();
                    Sleeper.Until(timings.Due[i]);
                    timings.Sent[i] = Stopwatch.GetTimestamp();
                    requests[i] = MeasureAsync(http, path, timings, i, ct);
                }

                sent.SetResult();
            }
            catch (Exception e)
            {
                sent.SetException(e);
            }
        }) { IsBackground = true, Name = "bench api fixed rate" };
        sender.Start();
        await sent.Task;
        await Task.WhenAll(requests);
        var seconds = Stopwatch.GetElapsedTime(begin).TotalSeconds;
        return timings.Result(name, $"{perSecond:N0}/s fixed", seconds);
    }

    private static async Task MeasureAsync(HttpClient http, string path, Timings timings, int i, CancellationToken ct)
    {
        var (ok, size) = await LoadRun.SendAsync(http, path, ct);
        timings.Done[i] = Stopwatch.GetTimestamp();
        timings.Ok[i] = ok;
        timings.Bytes[i] = size;
    }
}

/// <summary>When each fixed-rate request was due, sent and answered (Stopwatch timestamps), and how it went.</summary>
internal sealed class Timings(int count)
{
    public long[] Due { get; } = new long[count];

    public long[] Sent { get; } = new long[count];

    public long[] Done { get; } = new long[count];

    public bool[] Ok { get; } = new bool[count];

    public long[] Bytes { get; } = new long[count];

    public LoadResult Result(string name, string mode, double seconds)
    {
        var fromDue = Milliseconds(Done, Due);
        var fromSent = Milliseconds(Done, Sent);
        var late = Milliseconds(Sent, Due);
        return new LoadResult(name, mode, Due.Length, Ok.Count(ok => !ok), seconds, Percentiles.Of(fromDue, 0.50), Percentiles.Of(fromDue, 0.99), fromDue.Length == 0 ? 0 : fromDue[^1],
            Bytes.Sum(), Percentiles.Of(fromSent, 0.99), Percentiles.Of(late, 0.99));
    }

    private static double[] Milliseconds(long[] to, long[] from)
    {
        var values = new double[to.Length];
        for (var i = 0; i < values.Length; i++) values[i] = (to[i] - from[i]) * 1000.0 / Stopwatch.Frequency;
        Array.Sort(values);
        return values;
    }
}
