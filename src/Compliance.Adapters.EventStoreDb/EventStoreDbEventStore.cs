using Compliance.Adapters.EventStoreDb.Grpc;
using Compliance.Application.Store;
using Grpc.Core;

namespace Compliance.Adapters.EventStoreDb;

/// <summary>
/// The store port on EventStoreDB's gRPC Streams service. The whole ledger is ONE EventStoreDB stream (the ledger
/// stream, named by configuration), in chain order: an event's position is its revision there + 1, and its logical
/// stream, revision, id and hashes are its custom metadata. Every append is one append to that stream at the exact
/// revision the chain was extended from, so several writers (processes, replicas) can never fork the chain: the one
/// that loses gets wrong-expected-version, reads the tail it missed and decides again. Logical streams, revisions and
/// the id set come from an in-memory <see cref="LedgerIndex"/> read from the ledger stream, so an append is one call.
/// Other streams in the database are never read. See docs/ARCHITECTURE.md, "EventStoreDB layout".
/// </summary>
public sealed partial class EventStoreDbEventStore : IEventStore, IDisposable
{
    /// <summary>The ledger stream's name unless configured.</summary>
    public const string DefaultLedgerStream = "compliance-ledger";

    /// <summary>How many times in a row another writer may move the ledger stream under one append before it gives up.</summary>
    private const int MaxConflicts = 100;

    private readonly EsdbLeader leader;
    private readonly TimeProvider time;
    private readonly string ledgerStream;
    private readonly LedgerIndex index = new();
    private readonly SemaphoreSlim appendGate = new(1, 1);
    private readonly SemaphoreSlim catchUpGate = new(1, 1);
    private bool caughtUp;
    private long ledgerConflicts;

    public EventStoreDbEventStore(EsdbSettings settings, TimeProvider time)
        : this(settings, DefaultLedgerStream, time)
    {
    }

    /// <param name="ledgerStream">The one stream that holds the ledger; nothing else may write to it.</param>
    public EventStoreDbEventStore(EsdbSettings settings, string ledgerStream, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        ThrowIfNotALedgerStream(ledgerStream);
        leader = new EsdbLeader(settings);
        this.time = time;
        this.ledgerStream = ledgerStream;
    }

    public EsdbSettings Settings => leader.Settings;

    public string LedgerStream => ledgerStream;

    /// <summary>Appends the server refused because another writer had extended the ledger stream first (each was planned again).</summary>
    internal long LedgerConflicts => Interlocked.Read(ref ledgerConflicts);

    /// <summary>The node calls go to now (the leader once found), or the seeds before the first call.</summary>
    public string Node => leader.Current?.ToString() ?? string.Join(",", Settings.Seeds);

    /// <exception cref="ArgumentException">blank, or a system stream name ($...).</exception>
    public static void ThrowIfNotALedgerStream(string? name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.StartsWith('$')) throw new ArgumentException($"The ledger stream '{name}' must not start with '$' (EventStoreDB's system streams).", nameof(name));
    }

    public async Task<AppendResult> AppendAsync(string stream, ExpectedRevision expected, IReadOnlyList<EventToAppend> events, CancellationToken ct) =>
        (await AppendManyAsync([new StreamAppend(stream, expected, events)], ct).ConfigureAwait(false))[0];

    /// <summary>One append to the ledger stream, so several streams are all or nothing like one.</summary>
    public async Task<IReadOnlyList<AppendResult>> AppendManyAsync(IReadOnlyList<StreamAppend> appends, CancellationToken ct)
    {
        StreamAppendChecks.ThrowIfInvalid(appends);
        if (appends.Count == 0) return [];
        await appendGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var fresh = false;
            if (!caughtUp)
            {
                await CatchUpAsync(ct).ConfigureAwait(false);
                fresh = caughtUp = true;
            }

            for (var conflicts = 0; ; conflicts++)
            {
                LedgerAppendPlan plan;
                ExpectedRevision expected;
                try
                {
                    (plan, expected) = await PlanAsync(appends, ct).ConfigureAwait(false);
                }
                catch (Exception e) when (e is WrongExpectedRevisionException or EventIdConflictException && !fresh)
                {
                    // Decided on what this store knew: another writer's appends may change the answer.
                    await CatchUpAsync(ct).ConfigureAwait(false);
                    fresh = true;
                    continue;
                }

                if (plan.Written.Count == 0) return plan.Results;
                if (await TryWriteAsync(plan.Written, expected, ct).ConfigureAwait(false)) return plan.Results;
                if (conflicts == MaxConflicts)
                    throw new InvalidOperationException($"The ledger stream '{ledgerStream}' moved under {MaxConflicts} attempts in a row to append to it.");
                await CatchUpAsync(ct).ConfigureAwait(false);
                fresh = true;
            }
        }
        finally
        {
            appendGate.Release();
        }
    }

    /// <summary>
    /// Appends events laid out by the append core at <paramref name="expected"/>; false when the ledger stream is not
    /// there (another writer moved it). Confirmed events are learnt by the index.
    /// </summary>
    private async Task<bool> TryWriteAsync(IReadOnlyList<StoredEvent> events, ExpectedRevision expected, CancellationToken ct)
    {
        var options = new AppendReq { Options = EsdbMessages.AppendOptions(ledgerStream, expected) };
        var proposed = events.Select(e => new AppendReq { ProposedMessage = EsdbMessages.Proposed(e) }).ToList();
        AppendResp response;
        try
        {
            response = await leader.RunAsync((client, c) => SendAppendAsync(client, options, proposed, c), ct).ConfigureAwait(false);
        }
        catch (RpcException e) when (e.Trailers.GetValue("exception") == "maximum-append-size-exceeded")
        {
            throw new InvalidOperationException(
                $"EventStoreDB refused an append of {events.Count} events: more than its maximum append size ({e.Trailers.GetValue("maximum-append-size")} bytes). " +
                "Append fewer events at once or raise the server's MaxAppendSize.", e);
        }

        if (response.ResultCase == AppendResp.ResultOneofCase.WrongExpectedVersion)
        {
            Interlocked.Increment(ref ledgerConflicts);
            return false;
        }

        var success = response.Success;
        var last = events[^1].Position - 1;
        if (success.CurrentRevisionOptionCase != AppendResp.Types.Success.CurrentRevisionOptionOneofCase.CurrentRevision || (long)success.CurrentRevision != last)
            throw new InvalidOperationException($"EventStoreDB confirmed the append to '{ledgerStream}' at revision {success.CurrentRevision} where {last} was written.");
        lock (index.Gate)
        {
            foreach (var e in events) index.Learn(e);
        }

        return true;
    }

    private async Task<AppendResp> SendAppendAsync(Streams.StreamsClient client, AppendReq options, List<AppendReq> proposed, CancellationToken ct)
    {
        using var call = client.Append(leader.Headers, leader.Deadline(), ct);
        await call.RequestStream.WriteAsync(options, ct).ConfigureAwait(false);
        foreach (var message in proposed) await call.RequestStream.WriteAsync(message, ct).ConfigureAwait(false);
        await call.RequestStream.CompleteAsync().ConfigureAwait(false);
        return await call.ResponseAsync.ConfigureAwait(false);
    }

    public void Dispose()
    {
        leader.Dispose();
        appendGate.Dispose();
        catchUpGate.Dispose();
    }
}
