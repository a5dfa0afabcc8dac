using System.Net;
using System.Net.Sockets;
using Compliance.Application.Store;
using Grpc.Core;

namespace Compliance.Adapters.EventStoreDb.Tests;

/// <summary>Runs here: a port nothing listens on behaves like a server that is down.</summary>
public sealed class UnreachableServerTests
{
    [Fact]
    public async Task a_server_that_is_down_is_retried_and_then_reported_as_unavailable()
    {
        var settings = EsdbConnectionString.Parse($"esdb://127.0.0.1:{ClosedPort()}?tls=false&defaultDeadline=2000");
        var retry = new EsdbRetry(3, TimeSpan.FromMilliseconds(10));
        using var store = new EventStoreDbEventStore(settings, TimeProvider.System, retry, "");

        var error = await Should.ThrowAsync<RpcException>(() => store.ReadHeadAsync(CancellationToken.None));
        error.StatusCode.ShouldBe(StatusCode.Unavailable);
        await Should.ThrowAsync<RpcException>(() => store.AppendAsync("s", ExpectedRevision.NoStream,
            [new EventToAppend(Guid.NewGuid(), "V1.T", 1, "{}", new EventMetadata("a", Guid.NewGuid(), Guid.NewGuid()))], CancellationToken.None));
    }

    [Fact]
    public void the_backoff_doubles_from_the_first_delay_up_to_five_seconds()
    {
        var retry = new EsdbRetry(10, TimeSpan.FromMilliseconds(100));

        Enumerable.Range(1, 8).Select(retry.DelayBefore).Select(d => (int)d.TotalMilliseconds).ShouldBe([100, 200, 400, 800, 1600, 3200, 5000, 5000]);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
