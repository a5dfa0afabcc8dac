using System.Globalization;
using Compliance.Testing.RabbitMq;

namespace Compliance.Adapters.Messaging.Tests;

/// <summary>The test broker is reachable from this machine only: AMQP and the Erlang distribution port listen on 127.0.0.1.</summary>
[Collection(RabbitMqCollection.Name)]
public sealed class BrokerLoopbackTests(RabbitMqBrokerFixture fixture)
{
    [Fact]
    public void the_broker_listens_on_loopback_only()
    {
        var broker = fixture.Broker;
        foreach (var port in new[] { broker.Port, broker.DistPort })
        {
            var listening = Listeners(port);
            listening.ShouldNotBeEmpty($"something listens on port {port}");
            listening.ShouldAllBe(address => address == "0100007F", $"port {port} listens on 127.0.0.1 only");
        }
    }

    /// <summary>The local addresses (hex, as /proc/net/tcp writes them) of the sockets listening on a port, IPv4 and IPv6.</summary>
    private static List<string> Listeners(int port)
    {
        const string Listen = "0A";
        var addresses = new List<string>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table)) continue;
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var local = fields[1].Split(':');
                if (fields[3] == Listen && int.Parse(local[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture) == port) addresses.Add(local[0]);
            }
        }

        return addresses;
    }
}
