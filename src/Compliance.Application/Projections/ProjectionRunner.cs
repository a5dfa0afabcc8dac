using System.Diagnostics;
using Compliance.Application.ReadModels;
using Compliance.Application.Serialization;
using Compliance.Application.Store;
using Compliance.Domain.Catalog;
using Compliance.Domain.Events;
using Compliance.Domain.Verdicts;

namespace Compliance.Application.Projections;

/// <summary>
/// Keeps the read models current: reads the ledger after the checkpoint, folds each event into the fleet state, and
/// commits the changed clusters' read models together with the new checkpoint in one transaction per batch.
/// On first use it restores the in-memory fold from the ledger up to the checkpoint (reading, not writing).
/// While catching up, audit lines, catalog facts and the checkpoint are committed per batch, and the changed clusters'
/// verdicts once the head is reached (evaluating them per batch would redo the same work many times over). A restart
/// re-evaluates every cluster, so a crash in the middle of a catch-up cannot leave a cluster's verdicts behind.
/// </summary>
public sealed partial class ProjectionRunner(
    IEventReader reader,
    IReadModelStore readModels,
    ReleaseCatalog shippedCatalog,
    TimeProvider time,
    EventSerializer? serializer = null,
    int batchSize = 5_000)
{
    /// <summary>
    /// The most events read ahead at a time while catching up. Small on purpose: a page lives across the fold of the page
    /// before it, and pages of 1,000 events and more were mostly promoted by the young GCs (GC pauses took a quarter of a
    /// rebuild); below about 50 the per-read overhead shows.
    /// </summary>
    public const int ReadAheadPage = 100;

    private readonly EventSerializer events = serializer ?? EventSerializer.Default;
    private readonly HashSet<string> pending = new(StringComparer.Ordinal);
    private FleetState? fleet;
    private long position;
    private string? positionHash;
    private bool pendingAll;

    /// <summary>The global position the read models reflect.</summary>
    public long Checkpoint => position;

    public FleetState Fleet => fleet ?? throw new InvalidOperationException("The projection has not been loaded yet.");

    /// <summary>Where catch-ups spent their time (for benchmarks).</summary>
    public CatchUpTimings Timings { get; } = new();

    /// <summary>
    /// Brings the read models up to the ledger's head; returns the number of events projected. The ledger is read in
    /// pages of at most <see cref="ReadAheadPage"/> events, the next pages read and deserialized on other threads while
    /// the current one is folded and its audit lines written into the open transaction, which commits with its
    /// checkpoint every <c>batchSize</c> events. Nothing waits in memory for a commit: pages of tens of thousands of
    /// events, and their audit lines kept until the commit, outlived the young GC generations and piled up as garbage
    /// in the old one (a rebuild of a million events peaked at 1.6 GB).
    /// </summary>
    public async Task<long> CatchUpAsync(CancellationToken ct)
    {
        await EnsureLoadedAsync(ct);
        long projected = 0;
        ReadEvent last = default;
        var uncommitted = 0;
        IReadModelTransaction? open = null;
        try
        {
            await using var readAhead = new ReadAhead(reader, Math.Min(batchSize, ReadAheadPage), Read, position + 1, ct);
            var clock = Stopwatch.GetTimestamp();
            while (true)
            {
                var page = await readAhead.NextAsync(ct);
                clock = Timings.Waited(clock);
                if (page.Count == 0) break;
                var (audit, catalogFacts) = Fold(page);
                clock = Timings.Folded(clock);
                open ??= await readModels.BeginAsync(ct);
                await open.AppendAsync(audit, catalogFacts, ct);
                clock = Timings.Wrote(clock);
                last = page[^1];
                projected += page.Count;
                uncommitted += page.Count;
                if (uncommitted < batchSize) continue;
                (var full, open, uncommitted) = (open, null, 0);
                await CommitAsync(full, last, ct);
                clock = Timings.Committed(clock);
            }

            if (open is not null)
            {
                (var rest, open) = (open, null);
                await CommitAsync(rest, last, ct);
                Timings.Committed(clock);
            }
        }
        finally
        {
            if (open is not null) await open.DisposeAsync();
        }

        var evaluation = Stopwatch.GetTimestamp();
        await EvaluatePendingAsync(ct);
        Timings.Evaluated(evaluation);
        return projected;
    }

    /// <summary>Drops every read model and projects the whole ledger again from position zero.</summary>
    public async Task<long> RebuildAsync(CancellationToken ct)
    {
        await readModels.ResetAsync(ct);
        fleet = new FleetState(shippedCatalog);
        position = 0;
        positionHash = null;
        pending.Clear();
        pendingAll = false;
        return await CatchUpAsync(ct);
    }

    /// <summary>Re-evaluates every cluster as of now (time passing can open findings and breach SLAs with no new event).</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        await EnsureLoadedAsync(ct);
        var now = time.GetUtcNow();
        var changed = Fleet.Clusters.Values.Select(c => ClusterEvaluation.Evaluate(Fleet, c, now)).ToList();
        await readModels.CommitAsync(new ReadModelBatch(changed, [], [], position, now, positionHash), ct);
    }

    /// <summary>Projects live: catch-up subscription from the checkpoint, committing whenever the subscription pauses or a batch fills.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        await CatchUpAsync(ct);
        var received = new List<ReadEvent>(batchSize);
        await using var subscription = reader.SubscribeToAllAsync(position, ct).GetAsyncEnumerator(ct);
        var next = subscription.MoveNextAsync();
        while (true)
        {
            if (received.Count > 0 && !next.IsCompleted)
            {
                await FoldAsync(received, ct);
                await EvaluatePendingAsync(ct);
                received.Clear();
            }

            if (!await next) return;
            received.Add(Read(subscription.Current));
            if (received.Count >= batchSize)
            {
                await FoldAsync(received, ct);
                received.Clear();
            }

            next = subscription.MoveNextAsync();
        }
    }

    /// <summary>
    /// Restores the fold from the ledger up to the read models' checkpoint. A ledger that ends before it, or whose event
    /// there has another hash than the one the read models recorded, is not the ledger they were projected from.
    /// </summary>
    /// <exception cref="LedgerIntegrityException">the ledger and the read models disagree.</exception>
    private async Task EnsureLoadedAsync(CancellationToken ct)
    {
        if (fleet is not null) return;
        var loading = new FleetState(shippedCatalog);
        (position, positionHash) = (0, null);
        var checkpoint = await readModels.ReadCheckpointHeadAsync(ct);
        while (position < checkpoint.Position)
        {
            var before = position;
            await foreach (var e in reader.ReadAllAsync(position + 1, (int)Math.Min(batchSize, checkpoint.Position - position), ct))
            {
                loading.Apply(ToFact(e));
                (position, positionHash) = (e.Position, e.Hash);
            }

            if (position == before) throw new LedgerIntegrityException(LedgerAgreement.Shorter(checkpoint, position));
        }

        if (checkpoint.Hash is { } recorded && checkpoint.Position > 0 && !string.Equals(recorded, positionHash, StringComparison.Ordinal))
            throw new LedgerIntegrityException(LedgerAgreement.Rewritten(checkpoint, positionHash ?? HashChain.Genesis));
        fleet = loading;
        pendingAll = checkpoint.Position > 0;
    }

    /// <summary>Evaluates the clusters changed since the last evaluation (and those staged through them) as of now.</summary>
    private async Task EvaluatePendingAsync(CancellationToken ct)
    {
        if (!pendingAll && pending.Count == 0) return;
        var state = Fleet;
        var touched = pendingAll ? state.Clusters.Keys.ToHashSet(StringComparer.Ordinal) : Expand(state, pending);
        var now = time.GetUtcNow();
        var changed = touched.Order(StringComparer.Ordinal)
            .Select(id => ClusterEvaluation.Evaluate(state, state.Clusters[id], now))
            .ToList();
        await readModels.CommitAsync(new ReadModelBatch(changed, [], [], position, now, positionHash), ct);
        pending.Clear();
        pendingAll = false;
    }

    private static HashSet<string> Expand(FleetState state, HashSet<string> dirty)
    {
        var all = new HashSet<string>(dirty, StringComparer.Ordinal);
        foreach (var id in dirty) all.UnionWith(state.ClustersStagedThrough(id));
        return all;
    }
}
