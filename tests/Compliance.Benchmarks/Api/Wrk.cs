using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Compliance.Benchmarks.Api;

/// <summary>Saturation measured by wrk (Debian package `wrk`) when it is on the PATH: a lighter load generator than this process.</summary>
internal static partial class Wrk
{
    public static async Task<LoadResult?> RunAsync(string name, string url, string key, bool gzip, int connections, TimeSpan duration, CancellationToken ct)
    {
        var start = new ProcessStartInfo("wrk") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-t2", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--latency", "-H", $"X-Api-Key: {key}" }) start.ArgumentList.Add(arg);
        if (gzip) foreach (var arg in new[] { "-H", "Accept-Encoding: gzip" }) start.ArgumentList.Add(arg);
        start.ArgumentList.Add(url);
        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }

        if (process is null) return null;
        using (process)
        {
            var text = await process.StandardOutput.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            var requests = long.Parse(Requests().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);
            var seconds = double.Parse(Duration().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);
            var errors = Non2xx().Match(text) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
            var bytes = Transfer().Match(text) is { Success: true } t ? (long)(Size(t.Groups[1].Value, t.Groups[2].Value)) : 0;
            return new LoadResult(name, $"wrk {connections} connections", requests, errors, seconds,
                Percentile(text, "50"), Percentile(text, "99"), Max(text), bytes);
        }
    }

    private static double Percentile(string text, string q)
    {
        var m = Regex.Match(text, $@"^\s*{q}(?:\.000)?%\s+([\d.]+)(us|ms|s)", RegexOptions.Multiline | RegexOptions.CultureInvariant);
        return m.Success ? Millis(m.Groups[1].Value, m.Groups[2].Value) : double.NaN;
    }

    private static double Max(string text)
    {
        var m = Regex.Match(text, @"Latency\s+\S+\s+\S+\s+([\d.]+)(us|ms|s)", RegexOptions.CultureInvariant);
        return m.Success ? Millis(m.Groups[1].Value, m.Groups[2].Value) : double.NaN;
    }

    private static double Millis(string value, string unit) =>
        double.Parse(value, CultureInfo.InvariantCulture) * unit switch { "us" => 0.001, "s" => 1000, _ => 1 };

    private static double Size(string value, string unit) =>
        double.Parse(value, CultureInfo.InvariantCulture) * unit switch { "KB" => 1024, "MB" => 1024 * 1024, "GB" => 1024 * 1024 * 1024, _ => 1 };

    [GeneratedRegex(@"(\d+) requests in", RegexOptions.CultureInvariant)]
    private static partial Regex Requests();

    [GeneratedRegex(@"requests in ([\d.]+)s", RegexOptions.CultureInvariant)]
    private static partial Regex Duration();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex Non2xx();

    [GeneratedRegex(@"requests in [\d.]+s, ([\d.]+)(B|KB|MB|GB) read", RegexOptions.CultureInvariant)]
    private static partial Regex Transfer();
}
