using System.Net.Http.Headers;
using System.Text;
using Compliance.Adapters.EventStoreDb.Grpc;
using Compliance.Application.Store;
using Grpc.Core;
using Grpc.Net.Client;

namespace Compliance.Adapters.EventStoreDb;

/// <summary>
/// The store port on EventStoreDB's gRPC Streams service. Event ids are the events' UUIDs, so the server's own
/// idempotence applies; our metadata (actor, correlation, causation, schema version, recorded-at, sequence, hashes)
/// is the event's custom metadata. The hash chain is computed here as on every store (<see cref="HashChain.Compute(string, Guid, string, long, string, int, DateTimeOffset, string, Guid, Guid, string)"/>):
/// each append reads the head of $all and extends it under a lock held by this client, so ONE process must write to a
/// given database (the serve host); a second writer would fork the chain, which `compliance verify` then reports.
/// </summary>
public sealed partial class EventStoreDbEventStore : IEventStore, IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly Streams.StreamsClient _client;
    private readonly Metadata _headers = [];
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _appendLock = new(1, 1);
    private readonly PositionIndex _positions = new();
    private readonly EsdbRetry _retry;

    private readonly string _prefix;
    private readonly string _streams;

    public EventStoreDbEventStore(EsdbSettings settings, TimeProvider time)
        : this(settings, time, EsdbRetry.Default, "")
    {
    }

    /// <summary>
    /// <paramref name="streamPrefix"/> keeps one ledger's streams apart from others on the same server (every stream is
    /// stored as prefix + name, and $all is filtered to the prefix); empty means the whole database is the ledger. The
    /// contract tests give each test its own prefix on a shared server.
    /// </summary>
    internal EventStoreDbEventStore(EsdbSettings settings, TimeProvider time, EsdbRetry retry, string streamPrefix)
    {
        ArgumentNullException.ThrowIfNull(streamPrefix);
        if (streamPrefix.StartsWith('$')) throw new ArgumentException("A stream prefix must not start with '$' (system streams).", nameof(streamPrefix));
        _prefix = streamPrefix;
        _streams = EsdbMessages.StreamsRegex(streamPrefix);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        Settings = settings;
        _time = time;
        _retry = retry;
        var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, KeepAlivePingDelay = TimeSpan.FromSeconds(10), KeepAlivePingTimeout = TimeSpan.FromSeconds(10) };
        if (settings.Tls && !settings.TlsVerifyCert)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }

        _channel = GrpcChannel.ForAddress(settings.Address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
        _client = new Streams.StreamsClient(_channel);
        if (settings.Username is { } user)
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{settings.Password}"));
            _headers.Add("authorization", new AuthenticationHeaderValue("Basic", token).ToString());
        }
    }

    public EsdbSettings Settings { get; }

    public async Task<AppendResult> AppendAsync(string stream, ExpectedRevision expected, IReadOnlyList<EventToAppend> events, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(events);
        if (events.Select(e => e.EventId).Distinct().Count() != events.Count)
            throw new ArgumentException("An event id appears twice in one batch.", nameof(events));

        await _appendLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (events.Count > 0 && await AlreadyStoredAsync(stream, events, ct).ConfigureAwait(false) is { } original) return original;
            return await WriteAsync(stream, expected, events, ct).ConfigureAwait(false);
        }
        finally
        {
            _appendLock.Release();
        }
    }

    /// <summary>Extends the chain from the head of $all with one stream's events; the caller holds the append lock.</summary>
    private async Task<AppendResult> WriteAsync(string stream, ExpectedRevision expected, IReadOnlyList<EventToAppend> events, CancellationToken ct)
    {
        var (head, previousHash) = await ReadHeadAsync(ct).ConfigureAwait(false);
        var revision = await LastRevisionAsync(stream, ct).ConfigureAwait(false) ?? -1;
        var recordedAt = new DateTimeOffset(_time.GetUtcNow().UtcTicks, TimeSpan.Zero);
        var proposed = new List<AppendReq>(events.Count);
        var positions = new long[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var m = e.Metadata;
            // The revision is the one the server will assign if the expected revision holds; if it does not, nothing is written.
            var hash = HashChain.Compute(previousHash, e.EventId, stream, revision + 1 + i, e.Type, e.SchemaVersion, recordedAt, m.Actor, m.CorrelationId, m.CausationId, e.Json);
            var metadata = new EsdbEventMetadata(m.Actor, m.CorrelationId, m.CausationId, e.SchemaVersion, EsdbEventMetadata.FormatInstant(recordedAt), head + 1 + i, previousHash, hash);
            proposed.Add(new AppendReq { ProposedMessage = EsdbMessages.Proposed(e, metadata) });
            positions[i] = head + 1 + i;
            previousHash = hash;
        }

        var options = new AppendReq { Options = EsdbMessages.AppendOptions(_prefix + stream, expected) };
        var response = await _retry.RunAsync(c => SendAppendAsync(options, proposed, c), ct).ConfigureAwait(false);
        if (response.ResultCase == AppendResp.ResultOneofCase.WrongExpectedVersion)
            throw new WrongExpectedRevisionException(stream, expected, EsdbMessages.ActualRevision(response.WrongExpectedVersion));
        var success = response.Success;
        var next = success.CurrentRevisionOptionCase == AppendResp.Types.Success.CurrentRevisionOptionOneofCase.CurrentRevision ? (long)success.CurrentRevision : -1;
        return new AppendResult(next, events.Count == 0 ? [] : positions);
    }

    private async Task<AppendResp> SendAppendAsync(AppendReq options, List<AppendReq> proposed, CancellationToken ct)
    {
        using var call = _client.Append(_headers, Deadline(), ct);
        await call.RequestStream.WriteAsync(options, ct).ConfigureAwait(false);
        foreach (var message in proposed) await call.RequestStream.WriteAsync(message, ct).ConfigureAwait(false);
        await call.RequestStream.CompleteAsync().ConfigureAwait(false);
        return await call.ResponseAsync.ConfigureAwait(false);
    }

    /// <summary>
    /// Our port's idempotence, checked against the stream before appending (the server's own only covers the same ids at
    /// the same expected revision): every id stored with the same content returns the original result; a partial or
    /// different overlap is a conflict. An id stored in ANOTHER stream is not detected here (the server treats ids per stream).
    /// </summary>
    private async Task<AppendResult?> AlreadyStoredAsync(string stream, IReadOnlyList<EventToAppend> events, CancellationToken ct)
    {
        var stored = new Dictionary<Guid, StoredEvent>();
        await foreach (var e in ReadStreamAsync(stream, Direction.Forwards, 0, int.MaxValue, ct).ConfigureAwait(false)) stored[e.EventId] = e;
        var matches = events.Where(e => stored.ContainsKey(e.EventId)).ToList();
        if (matches.Count == 0) return null;
        if (matches.Count != events.Count) throw new EventIdConflictException(matches[0].EventId, stream);
        foreach (var e in events)
        {
            var original = stored[e.EventId];
            if (original.Type != e.Type || original.Json != e.Json) throw new EventIdConflictException(e.EventId, stream);
        }

        return new AppendResult(stored[events[^1].EventId].Revision, [.. events.Select(e => stored[e.EventId].Position)]);
    }

    private async Task<long?> LastRevisionAsync(string stream, CancellationToken ct)
    {
        await foreach (var e in ReadStreamAsync(stream, Direction.Backwards, long.MaxValue, 1, ct).ConfigureAwait(false)) return e.Revision;
        return null;
    }

    private DateTime Deadline() => DateTime.UtcNow + Settings.Deadline;

    public void Dispose()
    {
        _channel.Dispose();
        _appendLock.Dispose();
    }
}
