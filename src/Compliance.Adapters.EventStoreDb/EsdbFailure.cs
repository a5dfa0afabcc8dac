using System.Globalization;
using Grpc.Core;

namespace Compliance.Adapters.EventStoreDb;

/// <summary>What to do about a failed call.</summary>
internal enum EsdbFailureKind
{
    /// <summary>Not a transport or cluster matter (a bad request, access denied): the caller gets the error.</summary>
    Fatal,

    /// <summary>The node answered that it is not the leader and named the leader: call the leader at once.</summary>
    NotLeader,

    /// <summary>
    /// Worth the same call again after a pause, on the leader found again: the node is down or not ready, an election
    /// is under way, the call timed out or was cut, or the server gave up forwarding or committing it (Aborted).
    /// </summary>
    Transient,
}

/// <summary>How the server and the gRPC client report what went wrong (the server's RpcExceptions).</summary>
internal static class EsdbFailure
{
    public static (EsdbFailureKind Kind, EsdbEndPoint? Leader) Classify(RpcException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.StatusCode == StatusCode.NotFound && e.Trailers.GetValue("exception") == "not-leader")
        {
            var host = e.Trailers.GetValue("leader-endpoint-host");
            var port = e.Trailers.GetValue("leader-endpoint-port");
            return host is { Length: > 0 } && int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var p)
                ? (EsdbFailureKind.NotLeader, new EsdbEndPoint(host, p))
                : (EsdbFailureKind.Transient, null);
        }

        return e.StatusCode switch
        {
            StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Aborted => (EsdbFailureKind.Transient, null),
            // "No leader info available in response": a node during an election.
            StatusCode.Unknown when e.Status.Detail.Contains("leader", StringComparison.OrdinalIgnoreCase) => (EsdbFailureKind.Transient, null),
            // The connection dropped under the call (a node killed mid-call), or the server cancelled it while stopping.
            StatusCode.Cancelled => (EsdbFailureKind.Transient, null),
            StatusCode.Internal when e.Status.DebugException is IOException or HttpRequestException => (EsdbFailureKind.Transient, null),
            _ => (EsdbFailureKind.Fatal, null),
        };
    }
}
