using System.Globalization;

namespace Compliance.Benchmarks.Api;

/// <summary>The server's counters from its /metrics (prometheus-net's process and runtime collectors): CPU, allocation, collections, GC pauses.</summary>
internal sealed record ServerSample(double CpuSeconds, double AllocatedBytes, double Gen0, double Gen1, double Gen2, double GcPauseSeconds)
{
    public static async Task<ServerSample> ReadAsync(HttpClient http, CancellationToken ct) => Parse(await http.GetStringAsync("/metrics", ct));

    /// <summary>Counters missing from the text are NaN (and print blank).</summary>
    public static ServerSample Parse(string metrics)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in metrics.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var space = line.LastIndexOf(' ');
            if (line.StartsWith('#') || space < 0) continue;
            if (double.TryParse(line.AsSpan(space + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) values[line[..space]] = value;
        }

        double Get(string name) => values.GetValueOrDefault(name, double.NaN);
        return new ServerSample(Get("process_cpu_seconds_total"), Get("system_runtime_dotnet_gc_heap_total_allocated"),
            Get("dotnet_collection_count_total{generation=\"0\"}"), Get("dotnet_collection_count_total{generation=\"1\"}"),
            Get("dotnet_collection_count_total{generation=\"2\"}"), Get("system_runtime_dotnet_gc_pause_time"));
    }
}

/// <summary>What a run cost: the server's CPU, allocation and garbage collections, this process's CPU, and the machine's load.</summary>
/// <remarks>Machine cores: every process's CPU over the run (/proc/stat) divided by its length; what server and client did not use was other work.</remarks>
internal sealed record RunUsage(LoadResult Run, ServerSample Before, ServerSample After, TimeSpan? ClientCpu, double MachineCpuSeconds, string LoadAverage)
{
    public static string[] Headings { get; } =
        ["endpoint", "load", "server CPU s", "server cores", "server CPU us/req", "client CPU s", "machine cores", "server alloc MB", "KB/req", "GCs 0/1/2", "GC pause ms", "load average"];

    public string[] Cells()
    {
        var cpu = After.CpuSeconds - Before.CpuSeconds;
        var allocated = After.AllocatedBytes - Before.AllocatedBytes;
        var requests = Math.Max(1, Run.Requests);
        return
        [
            Run.Name, Run.Mode, Number(cpu, "0.00"), Number(cpu / Run.Seconds, "0.00"), Number(cpu * 1e6 / requests, "N0"),
            ClientCpu is { } client ? Number(client.TotalSeconds, "0.00") : "", Number(MachineCpuSeconds / Run.Seconds, "0.00"),
            Number(allocated / 1e6, "N0"), Number(allocated / 1e3 / requests, "N1"),
            $"{Number(After.Gen0 - Before.Gen0, "0")}/{Number(After.Gen1 - Before.Gen1, "0")}/{Number(After.Gen2 - Before.Gen2, "0")}",
            Number((After.GcPauseSeconds - Before.GcPauseSeconds) * 1000, "N0"), LoadAverage,
        ];
    }

    /// <summary>CPU seconds every process has used since boot (Linux /proc/stat: user, nice, system, irq, softirq, steal), or NaN.</summary>
    public static double ReadMachineCpuSeconds()
    {
        if (!File.Exists("/proc/stat")) return double.NaN;
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new[] { 1, 2, 3, 6, 7, 8 }.Sum(i => double.Parse(cpu[i], CultureInfo.InvariantCulture)) / 100;
    }

    /// <summary>The 1, 5 and 15 minute load averages (Linux), or blank.</summary>
    public static string ReadLoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "";

    private static string Number(double value, string format) => double.IsNaN(value) ? "" : value.ToString(format, CultureInfo.InvariantCulture);
}
