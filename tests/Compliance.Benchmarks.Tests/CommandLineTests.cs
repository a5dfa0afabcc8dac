using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Compliance.Benchmarks.Tests;

/// <summary>`compliance-bench` refuses what it cannot run in one line (exit 2) before it measures anything.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("--events: at least 100", "store", "--events", "10")]
    [InlineData("--sizes: '15' is not a multiple of 10 between 10 and 5000", "report", "--sizes", "10,15")]
    [InlineData("--change: 'version' or 'annotation', not 'size'", "watcher", "--change", "size")]
    [InlineData("--runs: 'both', 'watcher' or 'ledger', not 'all'", "watcher", "--runs", "all")]
    [InlineData("Unrecognized command or argument 'frobnicate'", "frobnicate")]
    public async Task a_bad_option_prints_one_line_naming_it_and_exits_2(string expected, params string[] args)
    {
        var (exit, output, error) = await Bench.RunAsync(args);

        exit.ShouldBe(2);
        error.ShouldStartWith("compliance-bench: ");
        error.ShouldContain(expected);
        error.TrimEnd().ShouldNotContain('\n');
        output.ShouldBeEmpty();
    }

    [Fact]
    public async Task bus_without_a_broker_says_which_address_it_could_not_reach_in_one_line_and_exits_2()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var (exit, output, error) = await Bench.RunAsync("bus", "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture));

        exit.ShouldBe(2);
        error.TrimEnd().ShouldNotContain('\n');
        error.ShouldStartWith($"compliance-bench: bus: cannot reach RabbitMQ at 127.0.0.1:{port}");
        error.ShouldNotContain("   at ");
        output.ShouldBeEmpty();
    }
}
