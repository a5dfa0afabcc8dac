using System.Net;
using System.Net.Sockets;
using Compliance.Application.Store;
using Grpc.Core;

namespace Compliance.Adapters.EventStoreDb.Tests;

/// <summary>Runs here: ports nothing listens on behave like nodes that are down.</summary>
public sealed class UnreachableServerTests
{
    [Fact]
    public async Task a_node_that_is_down_is_retried_and_then_reported_as_unavailable()
    {
        var settings = EsdbConnectionString.Parse($"esdb://127.0.0.1:{ClosedPort()}?tls=false&defaultDeadline=2000&maxDiscoverAttempts=3&discoveryInterval=10");
        using var store = new EventStoreDbEventStore(settings, TimeProvider.System);

        var error = await Should.ThrowAsync<RpcException>(() => store.ReadHeadAsync(CancellationToken.None));
        error.StatusCode.ShouldBe(StatusCode.Unavailable);
        await Should.ThrowAsync<RpcException>(() => store.AppendAsync("s", ExpectedRevision.NoStream,
            [new EventToAppend(Guid.NewGuid(), "V1.T", 1, "{}", new EventMetadata("a", Guid.NewGuid(), Guid.NewGuid()))], CancellationToken.None));
    }

    [Fact]
    public async Task a_cluster_whose_seeds_are_all_down_is_reported_as_unavailable_naming_the_seeds()
    {
        var (a, b) = (ClosedPort(), ClosedPort());
        var settings = EsdbConnectionString.Parse($"esdb://127.0.0.1:{a},127.0.0.1:{b}?tls=false&gossipTimeout=2000&maxDiscoverAttempts=2&discoveryInterval=10");
        using var store = new EventStoreDbEventStore(settings, TimeProvider.System);

        var error = await Should.ThrowAsync<RpcException>(() => store.ReadHeadAsync(CancellationToken.None));

        error.StatusCode.ShouldBe(StatusCode.Unavailable);
        error.Status.Detail.ShouldContain($"no alive leader in the gossip of 127.0.0.1:{a},127.0.0.1:{b}");
    }

    [Fact]
    public void a_ledger_stream_must_be_named_and_must_not_be_a_system_stream()
    {
        var settings = EsdbConnectionString.Parse("esdb://localhost?tls=false");

        Should.Throw<ArgumentException>(() => new EventStoreDbEventStore(settings, " ", TimeProvider.System));
        Should.Throw<ArgumentException>(() => new EventStoreDbEventStore(settings, "$ledger", TimeProvider.System)).Message.ShouldContain("must not start with '$'");
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
