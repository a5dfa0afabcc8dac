using Compliance.Benchmarks.Api;

namespace Compliance.Benchmarks.Tests;

public sealed class ServerSampleTests
{
    [Fact]
    public void the_server_counters_are_read_from_prometheus_text()
    {
        const string metrics = """
            # HELP process_cpu_seconds_total Total user and system CPU time spent in seconds.
            # TYPE process_cpu_seconds_total counter
            process_cpu_seconds_total 12.5
            dotnet_collection_count_total{generation="0"} 40
            dotnet_collection_count_total{generation="1"} 7
            dotnet_collection_count_total{generation="2"} 1
            system_runtime_dotnet_gc_heap_total_allocated 2.5e+09
            system_runtime_dotnet_gc_pause_time 0.75
            """;

        ServerSample.Parse(metrics).ShouldBe(new ServerSample(12.5, 2.5e9, 40, 7, 1, 0.75));
    }

    [Fact]
    public void counters_the_server_does_not_export_are_unknown_and_print_blank()
    {
        var sample = ServerSample.Parse("process_cpu_seconds_total 3\n");
        var run = new LoadResult("x", "y", 10, 0, 1, 0, 0, 0, 0);

        var cells = new RunUsage(run, sample, sample with { CpuSeconds = 4 }, null, double.NaN, "").Cells();

        sample.AllocatedBytes.ShouldBe(double.NaN);
        cells[2].ShouldBe("1.00");
        cells[6].ShouldBeEmpty();
        cells[7].ShouldBeEmpty();
        cells[9].ShouldBe("//");
    }
}
