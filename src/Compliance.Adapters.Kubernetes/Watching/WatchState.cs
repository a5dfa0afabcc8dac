namespace Compliance.Adapters.Kubernetes.Watching;

public enum WatchStatus
{
    Connecting,
    Connected,
    BackingOff,
}

/// <summary>One stream's state as health reports it.</summary>
public sealed record StreamState(string Stream, WatchStatus Status, string? LastError, DateTimeOffset? LastErrorAt, long Reconnects, long Relists);

/// <summary>
/// The watch state of one cluster: per stream (version, nodes, pods, ...) whether it is connected or backing off, the last
/// error and how often it reconnected or relisted. Written by the streams, read by the health check.
/// </summary>
public sealed class ClusterWatchState(string clusterId, string source)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, StreamState> streams = new(StringComparer.Ordinal);
    private bool unreachable;

    public string ClusterId { get; } = clusterId;

    /// <summary>Where the cluster was found: "context kind-dev in /root/.kube/config", "in-cluster".</summary>
    public string Source { get; } = source;

    public IReadOnlyList<StreamState> Streams
    {
        get { lock (gate) return [.. streams.Values.OrderBy(s => s.Stream, StringComparer.Ordinal)]; }
    }

    /// <summary>The cluster's state: backing off when any stream is, connected when all are, else connecting.</summary>
    public WatchStatus Status
    {
        get
        {
            var all = Streams;
            if (all.Any(s => s.Status == WatchStatus.BackingOff)) return WatchStatus.BackingOff;
            return all.Count > 0 && all.All(s => s.Status == WatchStatus.Connected) ? WatchStatus.Connected : WatchStatus.Connecting;
        }
    }

    public long Reconnects => Streams.Sum(s => s.Reconnects);

    public StreamState? LastFailure => Streams.Where(s => s.LastErrorAt is not null).MaxBy(s => s.LastErrorAt);

    /// <summary>Extra lines for health (Cluster API objects seen, for example).</summary>
    public IReadOnlyDictionary<string, string> Details { get; set; } = new Dictionary<string, string>();

    internal void Starting(string stream) => Update(stream, s => s with { Status = WatchStatus.Connecting });

    /// <summary>Marks the stream connected; true when that makes a cluster that was unreachable reachable again (every stream connected).</summary>
    internal bool Connected(string stream)
    {
        lock (gate)
        {
            Change(stream, s => s.Status == WatchStatus.Connected ? s : s with { Status = WatchStatus.Connected });
            if (!unreachable || streams.Values.Any(s => s.Status != WatchStatus.Connected)) return false;
            unreachable = false;
            return true;
        }
    }

    /// <summary>Marks the stream backing off; true for the first failure since the cluster was last reachable (the one worth a warning).</summary>
    internal bool Failed(string stream, Exception error, DateTimeOffset at)
    {
        lock (gate)
        {
            Change(stream, s => s with { Status = WatchStatus.BackingOff, LastError = Describe(error), LastErrorAt = at, Reconnects = s.Reconnects + 1 });
            if (unreachable) return false;
            unreachable = true;
            return true;
        }
    }

    internal void Relisted(string stream) => Update(stream, s => s with { Relists = s.Relists + 1 });

    internal void Resumed(string stream) => Update(stream, s => s with { Reconnects = s.Reconnects + 1 });

    private void Update(string stream, Func<StreamState, StreamState> change)
    {
        lock (gate) Change(stream, change);
    }

    private void Change(string stream, Func<StreamState, StreamState> change)
    {
        var current = streams.GetValueOrDefault(stream) ?? new StreamState(stream, WatchStatus.Connecting, null, null, 0, 0);
        streams[stream] = change(current);
    }

    private static string Describe(Exception error) => error switch
    {
        HttpRequestException { InnerException: { } inner } => $"{error.Message} ({inner.Message})",
        _ => $"{error.GetType().Name}: {error.Message}",
    };
}
