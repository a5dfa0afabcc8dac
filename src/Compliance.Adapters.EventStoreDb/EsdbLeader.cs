using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;
using System.Text;
using Compliance.Adapters.EventStoreDb.Grpc;
using Compliance.Application.Store;
using Grpc.Core;
using Grpc.Net.Client;

namespace Compliance.Adapters.EventStoreDb;

/// <summary>
/// Every call goes to the cluster's leader and carries <c>requires-leader</c>, so a follower, which may be behind,
/// refuses it and names the leader, which is called at once. A node that is down, not ready or in an election is left
/// and the leader found again (the seeds' gossip for a cluster, the one host otherwise) after a pause doubling from
/// discoveryInterval up to 5 s, at most maxDiscoverAttempts times, and never past the caller's <see cref="StoreBudget"/>;
/// then the caller gets <see cref="StoreUnavailableException"/>. A call is repeated exactly as it was: an append keeps
/// its event ids and expected revision, which the server answers as written if the first attempt was.
/// </summary>
internal sealed class EsdbLeader : IDisposable
{
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(5);
    private readonly Lock gate = new();
    private readonly Dictionary<EsdbEndPoint, GrpcChannel> channels = [];
    private EsdbEndPoint? leader;

    public EsdbLeader(EsdbSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        Headers = new Metadata { { "requires-leader", "true" } };
        if (settings.Username is { } user)
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{settings.Password}"));
            Headers.Add("authorization", new AuthenticationHeaderValue("Basic", token).ToString());
        }
    }

    public EsdbSettings Settings { get; }

    /// <summary>Sent with every call: requires-leader, and the credentials when the connection string has them.</summary>
    public Metadata Headers { get; }

    /// <summary>The node calls go to now; null before the first call and while the leader is being found again.</summary>
    public EsdbEndPoint? Current
    {
        get { lock (gate) return leader; }
    }

    /// <summary>What a call is given at least, however little of the caller's budget is left: every call gets a real try.</summary>
    private static readonly TimeSpan ShortestCall = TimeSpan.FromSeconds(1);

    /// <summary>A call's deadline: defaultDeadline, or less when the caller's budget ends sooner (but at least a second).</summary>
    public DateTime Deadline() => DateTime.UtcNow + Within(Settings.Deadline);

    private static TimeSpan Within(TimeSpan limit) =>
        StoreBudget.Remaining is { } left ? TimeSpan.FromTicks(Math.Min(limit.Ticks, Math.Max(left.Ticks, ShortestCall.Ticks))) : limit;

    public static TimeSpan PauseBefore(EsdbSettings settings, int attempt)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return TimeSpan.FromMilliseconds(Math.Min(LongestPause.TotalMilliseconds, settings.DiscoveryInterval.TotalMilliseconds * Math.Pow(2, attempt - 1)));
    }

    /// <summary>Runs a bounded call on the leader, following and retrying as the class says.</summary>
    public async Task<T> RunAsync<T>(Func<Streams.StreamsClient, CancellationToken, Task<T>> call, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(call);
        for (var attempt = 1; ; attempt++)
        {
            EsdbEndPoint? node = null;
            try
            {
                node = await LeaderAsync(ct).ConfigureAwait(false);
                return await call(StreamsOn(node), ct).ConfigureAwait(false);
            }
            catch (RpcException e) when (!ct.IsCancellationRequested)
            {
                await RecoverAsync(e, node, attempt, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// After a failed call on <paramref name="node"/>: follows the named leader, or forgets the node and pauses, and
    /// returns for the call to be made again. Throws the server's error when the call must not be repeated (not a
    /// transport or cluster failure), and <see cref="StoreUnavailableException"/> when the attempts or the caller's
    /// budget are used up.
    /// </summary>
    public async Task RecoverAsync(RpcException e, EsdbEndPoint? node, int attempt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(e);
        var (kind, named) = EsdbFailure.Classify(e);
        if (kind == EsdbFailureKind.Fatal) ExceptionDispatchInfo.Throw(e);
        if (attempt >= Settings.MaxDiscoverAttempts) throw Unavailable(e, node, attempt);
        if (kind == EsdbFailureKind.NotLeader && named is not null)
        {
            lock (gate) leader = named;
            return;
        }

        lock (gate)
        {
            if (leader == node) leader = null;
        }

        var pause = PauseBefore(Settings, attempt);
        if (StoreBudget.Remaining is { } left && pause >= left) throw Unavailable(e, node, attempt);
        await Task.Delay(pause, ct).ConfigureAwait(false);
    }

    private StoreUnavailableException Unavailable(RpcException e, EsdbEndPoint? node, int attempts) =>
        new(node?.ToString() ?? string.Join(",", Settings.Seeds),
            string.Create(CultureInfo.InvariantCulture, $"EventStoreDB answered {e.StatusCode} ({e.Status.Detail}); gave up after {attempts} attempts"), e);

    /// <summary>The leader: the one known, else the one host, else the first alive leader a seed's gossip names.</summary>
    public async Task<EsdbEndPoint> LeaderAsync(CancellationToken ct)
    {
        lock (gate)
        {
            if (leader is not null) return leader;
            if (!Settings.Gossip) return leader = Settings.Seeds[0];
        }

        RpcException? last = null;
        foreach (var seed in Settings.Seeds)
        {
            try
            {
                var gossip = new Gossip.GossipClient(Channel(seed));
                var info = await gossip.ReadAsync(new Empty(), Headers, DateTime.UtcNow + Within(Settings.GossipTimeout), ct).ConfigureAwait(false);
                if (LeaderOf(info) is { } found)
                {
                    lock (gate) return leader = found;
                }
            }
            catch (RpcException e) when (!ct.IsCancellationRequested && EsdbFailure.Classify(e).Kind != EsdbFailureKind.Fatal)
            {
                last = e;
            }
        }

        throw new RpcException(new Status(StatusCode.Unavailable,
            $"no alive leader in the gossip of {string.Join(",", Settings.Seeds)}{(last is null ? "" : $" (last failure: {last.StatusCode} {last.Status.Detail})")}"));
    }

    /// <summary>The alive member in state Leader, if the gossip names one.</summary>
    public static EsdbEndPoint? LeaderOf(ClusterInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var member = info.Members.FirstOrDefault(m => m.IsAlive && m.State == MemberInfo.Types.VNodeState.Leader && m.HttpEndPoint is not null);
        return member is null ? null : new EsdbEndPoint(member.HttpEndPoint.Address, (int)member.HttpEndPoint.Port);
    }

    public Streams.StreamsClient StreamsOn(EsdbEndPoint node) => new(Channel(node));

    private GrpcChannel Channel(EsdbEndPoint node)
    {
        lock (gate)
        {
            if (channels.TryGetValue(node, out var channel)) return channel;
            var handler = new SocketsHttpHandler
            {
                EnableMultipleHttp2Connections = true,
                KeepAlivePingDelay = TimeSpan.FromSeconds(10),
                KeepAlivePingTimeout = TimeSpan.FromSeconds(10),
                ConnectTimeout = Settings.Deadline,
            };
            if (Settings.Tls && !Settings.TlsVerifyCert) handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
            channel = GrpcChannel.ForAddress(Settings.AddressOf(node), new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
            channels[node] = channel;
            return channel;
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            foreach (var channel in channels.Values) channel.Dispose();
            channels.Clear();
        }
    }
}
