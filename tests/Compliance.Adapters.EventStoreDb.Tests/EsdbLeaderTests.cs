using Compliance.Adapters.EventStoreDb.Grpc;
using Grpc.Core;

namespace Compliance.Adapters.EventStoreDb.Tests;

public sealed class EsdbLeaderTests
{
    [Fact]
    public void a_follower_naming_the_leader_is_followed_to_it()
    {
        var notLeader = new RpcException(new Status(StatusCode.NotFound, "Leader info available"),
            new Metadata { { "exception", "not-leader" }, { "leader-endpoint-host", "127.0.0.1" }, { "leader-endpoint-port", "2112" } });

        EsdbFailure.Classify(notLeader).ShouldBe((EsdbFailureKind.NotLeader, new EsdbEndPoint("127.0.0.1", 2112)));
    }

    [Theory]
    [InlineData(StatusCode.Unavailable, "Server Is Not Ready")]
    [InlineData(StatusCode.Aborted, "Operation timed out: Forward timeout")]
    [InlineData(StatusCode.DeadlineExceeded, "Deadline Exceeded")]
    [InlineData(StatusCode.Unknown, "No leader info available in response")]
    [InlineData(StatusCode.Cancelled, "the server is shutting down")]
    public void a_node_that_is_down_busy_electing_or_timed_out_is_retried(StatusCode status, string detail)
    {
        EsdbFailure.Classify(new RpcException(new Status(status, detail))).Kind.ShouldBe(EsdbFailureKind.Transient);
    }

    [Fact]
    public void a_connection_cut_under_a_call_is_retried_but_other_internal_errors_are_not()
    {
        EsdbFailure.Classify(new RpcException(new Status(StatusCode.Internal, "Error reading next message", new IOException("reset")))).Kind
            .ShouldBe(EsdbFailureKind.Transient);
        EsdbFailure.Classify(new RpcException(new Status(StatusCode.Internal, "bug"))).Kind.ShouldBe(EsdbFailureKind.Fatal);
    }

    [Theory]
    [InlineData(StatusCode.InvalidArgument)]
    [InlineData(StatusCode.PermissionDenied)]
    [InlineData(StatusCode.NotFound)]
    public void a_refused_request_is_not_retried(StatusCode status)
    {
        EsdbFailure.Classify(new RpcException(new Status(status, "no"))).Kind.ShouldBe(EsdbFailureKind.Fatal);
    }

    [Fact]
    public void the_gossip_leader_is_the_alive_member_in_state_leader()
    {
        var info = new ClusterInfo
        {
            Members =
            {
                Member(MemberInfo.Types.VNodeState.Follower, true, 2111),
                Member(MemberInfo.Types.VNodeState.Leader, false, 2112),
                Member(MemberInfo.Types.VNodeState.Leader, true, 2113),
            },
        };

        EsdbLeader.LeaderOf(info).ShouldBe(new EsdbEndPoint("127.0.0.1", 2113));
        info.Members.RemoveAt(2);
        EsdbLeader.LeaderOf(info).ShouldBeNull();
    }

    [Fact]
    public void the_pause_doubles_from_the_discovery_interval_up_to_five_seconds()
    {
        var settings = EsdbConnectionString.Parse("esdb://localhost?discoveryInterval=100");

        Enumerable.Range(1, 8).Select(a => (int)EsdbLeader.PauseBefore(settings, a).TotalMilliseconds).ShouldBe([100, 200, 400, 800, 1600, 3200, 5000, 5000]);
    }

    private static MemberInfo Member(MemberInfo.Types.VNodeState state, bool alive, uint port) =>
        new() { State = state, IsAlive = alive, HttpEndPoint = new Grpc.EndPoint { Address = "127.0.0.1", Port = port } };
}
