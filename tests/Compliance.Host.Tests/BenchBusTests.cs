using System.Net;
using System.Net.Sockets;

namespace Compliance.Host.Tests;

public sealed class BenchBusTests
{
    [Fact]
    public async Task bench_bus_without_a_broker_says_which_address_it_could_not_reach_in_one_line_and_exits_2()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var (exit, output, error) = await Cli.RunAsync("bench", "bus", "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        exit.ShouldBe(2);
        error.TrimEnd().ShouldNotContain('\n');
        error.ShouldStartWith($"compliance: bench bus: cannot reach RabbitMQ at 127.0.0.1:{port}");
        error.ShouldNotContain("   at ");
        output.ShouldBeEmpty();
    }
}
