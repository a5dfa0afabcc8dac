using System.Net;
using System.Net.Sockets;
using Compliance.Application.Store;
using Grpc.Core;
using Microsoft.Extensions.Time.Testing;

namespace Compliance.Adapters.EventStoreDb.Tests;

/// <summary>Runs here: ports nothing listens on behave like nodes that are down.</summary>
public sealed class UnreachableServerTests
{
    [Fact]
    public async Task a_node_that_is_down_is_retried_and_then_reported_as_unavailable_naming_it()
    {
        var port = ClosedPort();
        var settings = EsdbConnectionString.Parse($"esdb://127.0.0.1:{port}?tls=false&defaultDeadline=2000&maxDiscoverAttempts=3&discoveryInterval=10");
        using var store = new EventStoreDbEventStore(settings, TimeProvider.System);

        var read = await Should.ThrowAsync<StoreUnavailableException>(() => store.ReadHeadAsync(CancellationToken.None));
        var append = await Should.ThrowAsync<StoreUnavailableException>(() => store.AppendAsync("s", ExpectedRevision.NoStream,
            [new EventToAppend(Guid.NewGuid(), "V1.T", 1, "{}", new EventMetadata("a", Guid.NewGuid(), Guid.NewGuid()))], CancellationToken.None));

        read.Node.ShouldBe($"127.0.0.1:{port}");
        read.Reason.ShouldStartWith("EventStoreDB answered Unavailable");
        read.Reason.ShouldEndWith("gave up after 3 attempts");
        read.InnerException.ShouldBeOfType<RpcException>().StatusCode.ShouldBe(StatusCode.Unavailable);
        append.Node.ShouldBe($"127.0.0.1:{port}");
    }

    [Fact]
    public async Task a_callers_budget_ends_the_retries_before_the_attempts_are_used_up()
    {
        var settings = EsdbConnectionString.Parse($"esdb://127.0.0.1:{ClosedPort()}?tls=false&maxDiscoverAttempts=10&discoveryInterval=100");
        using var store = new EventStoreDbEventStore(settings, TimeProvider.System);
        // A clock that stands still: only the pauses count against the budget, so the attempts made are exactly known.
        var clock = new FakeTimeProvider();

        StoreUnavailableException error;
        using (StoreBudget.Start(clock, TimeSpan.FromSeconds(1)))
            error = await Should.ThrowAsync<StoreUnavailableException>(() => store.ReadHeadAsync(CancellationToken.None));

        // Pauses of 100, 200, 400 and 800 ms fit in a second; the fifth (1,600 ms) does not.
        error.Reason.ShouldEndWith("gave up after 5 attempts");
        StoreBudget.Remaining.ShouldBeNull();
    }

    [Fact]
    public async Task a_cluster_whose_seeds_are_all_down_is_reported_as_unavailable_naming_the_seeds()
    {
        var (a, b) = (ClosedPort(), ClosedPort());
        var settings = EsdbConnectionString.Parse($"esdb://127.0.0.1:{a},127.0.0.1:{b}?tls=false&gossipTimeout=2000&maxDiscoverAttempts=2&discoveryInterval=10");
        using var store = new EventStoreDbEventStore(settings, TimeProvider.System);

        var error = await Should.ThrowAsync<StoreUnavailableException>(() => store.ReadHeadAsync(CancellationToken.None));

        error.Node.ShouldBe($"127.0.0.1:{a},127.0.0.1:{b}");
        error.Reason.ShouldContain($"no alive leader in the gossip of 127.0.0.1:{a},127.0.0.1:{b}");
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
