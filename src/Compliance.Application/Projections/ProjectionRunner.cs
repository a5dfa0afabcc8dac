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
public sealed class ProjectionRunner(
    IEventReader reader,
    IReadModelStore readModels,
    ReleaseCatalog shippedCatalog,
    TimeProvider time,
    EventSerializer? serializer = null,
    int batchSize = 5_000)
{
    private readonly EventSerializer events = serializer ?? EventSerializer.Default;
    private readonly HashSet<string> pending = new(StringComparer.Ordinal);
    private FleetState? fleet;
    private long position;
    private bool pendingAll;

    /// <summary>The global position the read models reflect.</summary>
    public long Checkpoint => position;

    public FleetState Fleet => fleet ?? throw new InvalidOperationException("The projection has not been loaded yet.");

    /// <summary>
    /// Brings the read models up to the ledger's head; returns the number of events projected. The next batch is read
    /// and deserialized on another thread while the current one is folded and written.
    /// </summary>
    public async Task<long> CatchUpAsync(CancellationToken ct)
    {
        await EnsureLoadedAsync(ct);
        long projected = 0;
        var next = ReadBatchAsync(position + 1, ct);
        while (true)
        {
            var batch = await next;
            if (batch.Count == 0)
            {
                await EvaluatePendingAsync(ct);
                return projected;
            }

            var after = batch[^1].Stored.Position + 1;
            next = Task.Run(() => ReadBatchAsync(after, ct), ct);
            await FoldAsync(batch, ct);
            projected += batch.Count;
        }
    }

    private async Task<List<(StoredEvent Stored, RecordedFact Fact)>> ReadBatchAsync(long from, CancellationToken ct)
    {
        var batch = new List<(StoredEvent, RecordedFact)>(batchSize);
        await foreach (var e in reader.ReadAllAsync(from, batchSize, ct)) batch.Add((e, ToFact(e)));
        return batch;
    }

    /// <summary>Drops every read model and projects the whole ledger again from position zero.</summary>
    public async Task<long> RebuildAsync(CancellationToken ct)
    {
        await readModels.ResetAsync(ct);
        fleet = new FleetState(shippedCatalog);
        position = 0;
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
        await readModels.CommitAsync(new ReadModelBatch(changed, [], [], position, now), ct);
    }

    /// <summary>Projects live: catch-up subscription from the checkpoint, committing whenever the subscription pauses or a batch fills.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        await CatchUpAsync(ct);
        var received = new List<(StoredEvent Stored, RecordedFact Fact)>(batchSize);
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
            received.Add((subscription.Current, ToFact(subscription.Current)));
            if (received.Count >= batchSize)
            {
                await FoldAsync(received, ct);
                received.Clear();
            }

            next = subscription.MoveNextAsync();
        }
    }

    private async Task EnsureLoadedAsync(CancellationToken ct)
    {
        if (fleet is not null) return;
        fleet = new FleetState(shippedCatalog);
        var checkpoint = await readModels.ReadCheckpointAsync(ct);
        while (position < checkpoint)
        {
            var before = position;
            await foreach (var e in reader.ReadAllAsync(position + 1, (int)Math.Min(batchSize, checkpoint - position), ct))
            {
                fleet.Apply(ToFact(e));
                position = e.Position;
            }

            if (position == before)
                throw new InvalidOperationException($"The read models are at position {checkpoint} but the ledger ends at {position}: run 'compliance projections rebuild'.");
        }

        pendingAll = checkpoint > 0;
    }

    /// <summary>Folds a batch in and commits its audit lines, catalog facts and checkpoint; the clusters it touched wait for evaluation.</summary>
    private async Task FoldAsync(IReadOnlyList<(StoredEvent Stored, RecordedFact Fact)> batch, CancellationToken ct)
    {
        var state = Fleet;
        var audit = new List<AuditEntry>();
        var catalogFacts = new List<CatalogFactRow>();
        foreach (var (stored, fact) in batch)
        {
            if (fact.Event is ReportIssued) continue; // issued reports change no read model
            var clusterId = state.Apply(fact);
            if (clusterId is null)
            {
                pendingAll = true;
                catalogFacts.Add(new CatalogFactRow(stored.Position, stored.Type, stored.Json, stored.RecordedAt));
                continue;
            }

            pending.Add(clusterId);
            audit.Add(new AuditEntry(clusterId, stored.Position, stored.Stream, stored.Revision, stored.RecordedAt, stored.Actor, AuditText.Describe(fact.Event)));
        }

        var last = batch[^1].Stored.Position;
        await readModels.CommitAsync(new ReadModelBatch([], audit, catalogFacts, last, time.GetUtcNow()), ct);
        position = last;
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
        await readModels.CommitAsync(new ReadModelBatch(changed, [], [], position, now), ct);
        pending.Clear();
        pendingAll = false;
    }

    private static HashSet<string> Expand(FleetState state, HashSet<string> dirty)
    {
        var all = new HashSet<string>(dirty, StringComparer.Ordinal);
        foreach (var id in dirty) all.UnionWith(state.ClustersStagedThrough(id));
        return all;
    }

    private RecordedFact ToFact(StoredEvent e) => new(events.FromStored(e), e.Stream, e.Revision, e.Position, e.RecordedAt);
}
