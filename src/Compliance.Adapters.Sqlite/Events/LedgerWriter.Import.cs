using Compliance.Application.Store;

namespace Compliance.Adapters.Sqlite.Events;

internal sealed partial class LedgerWriter
{
    /// <summary>
    /// Inserts already-recorded events in one IMMEDIATE transaction once <see cref="LedgerAppend.CheckImport"/> found
    /// that each extends the chain as stored so far. Any failure rolls the whole batch back.
    /// </summary>
    public void Import(IReadOnlyList<StoredEvent> events)
    {
        using var tx = _connection.BeginTransaction(deferred: false);
        Bind(tx);
        LedgerAppend.CheckImport(events, this);
        foreach (var e in events)
        {
            Insert(e, LedgerInstant.ToText(e.RecordedAt));
        }

        tx.Commit();
    }
}
