using Compliance.Application.ReadModels;
using Compliance.Application.Store;
using Compliance.Domain.Events;
using Compliance.Domain.Verdicts;

namespace Compliance.Application.Projections;

public sealed partial class ProjectionRunner
{
    /// <summary>Folds a batch in and commits its audit lines, catalog facts and checkpoint; the clusters it touched wait for evaluation.</summary>
    private async Task FoldAsync(IReadOnlyList<ReadEvent> batch, CancellationToken ct)
    {
        var (audit, catalogFacts) = Fold(batch);
        var last = batch[^1];
        await readModels.CommitAsync(new ReadModelBatch([], audit, catalogFacts, last.Fact.Position, time.GetUtcNow(), last.Hash), ct);
        (position, positionHash) = (last.Fact.Position, last.Hash);
    }

    /// <summary>Commits the open transaction with its checkpoint and closes it.</summary>
    private async Task CommitAsync(IReadModelTransaction open, ReadEvent last, CancellationToken ct)
    {
        try
        {
            await open.CommitAsync(last.Fact.Position, last.Hash, time.GetUtcNow(), ct);
            (position, positionHash) = (last.Fact.Position, last.Hash);
        }
        finally
        {
            await open.DisposeAsync();
        }
    }

    /// <summary>Folds events into the fleet state and returns the lines they add to the read models; the clusters they touched wait for evaluation.</summary>
    private (List<AuditEntry> Audit, List<CatalogFactRow> CatalogFacts) Fold(IReadOnlyList<ReadEvent> events)
    {
        var state = Fleet;
        var audit = new List<AuditEntry>(events.Count);
        var catalogFacts = new List<CatalogFactRow>();
        foreach (var (fact, actor, catalogFact, text, _) in events)
        {
            if (fact.Event is ReportIssued or LedgerCheckpointed) continue; // issued reports and checkpoints change no read model
            var clusterId = state.Apply(fact);
            if (clusterId is null)
            {
                pendingAll = true;
                catalogFacts.Add(catalogFact!);
                continue;
            }

            pending.Add(clusterId);
            audit.Add(new AuditEntry(clusterId, fact.Position, fact.Stream, fact.Revision, fact.RecordedAt, actor, text!));
        }

        return (audit, catalogFacts);
    }

    /// <summary>
    /// An event as the fold needs it, prepared where it is read (on the read-ahead thread while catching up): the fact,
    /// its audit line's text, or the catalog fact row, and its hash (the read models record it with their checkpoint). The
    /// stored row, with its JSON, is let go as soon as it is read.
    /// </summary>
    private readonly record struct ReadEvent(RecordedFact Fact, string Actor, CatalogFactRow? CatalogFact, string? AuditText, string Hash);

    private ReadEvent Read(StoredEvent e)
    {
        var fact = ToFact(e);
        return fact.Event switch
        {
            ReportIssued or LedgerCheckpointed => new ReadEvent(fact, e.Actor, null, null, e.Hash),
            CatalogEvent => new ReadEvent(fact, e.Actor, new CatalogFactRow(e.Position, e.Type, e.Json, e.RecordedAt), null, e.Hash),
            var other => new ReadEvent(fact, e.Actor, null, Projections.AuditText.Describe(other), e.Hash),
        };
    }

    private RecordedFact ToFact(StoredEvent e) => new(events.FromStored(e), e.Stream, e.Revision, e.Position, e.RecordedAt);
}
