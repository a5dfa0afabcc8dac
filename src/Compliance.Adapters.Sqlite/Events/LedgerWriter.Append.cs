using System.Text.Json;
using Compliance.Application.Store;

namespace Compliance.Adapters.Sqlite.Events;

internal sealed partial class LedgerWriter
{
    /// <summary>
    /// Appends to every stream of <paramref name="appends"/> in one IMMEDIATE transaction (one commit, one fsync under
    /// synchronous=FULL): the append core (<see cref="LedgerAppend.Plan"/>) decides on what the transaction reads, and
    /// its events are inserted in chain order. Any exception rolls back. <c>Written</c> is false when nothing new was stored.
    /// </summary>
    public (IReadOnlyList<AppendResult> Results, bool Written) Append(IReadOnlyList<StreamAppend> appends, DateTimeOffset recordedAt)
    {
        using var tx = _connection.BeginTransaction(deferred: false);
        Bind(tx);
        var plan = LedgerAppend.Plan(appends, StoredAmong(appends), this, recordedAt);
        if (plan.Written.Count == 0)
        {
            return (plan.Results, false);
        }

        // The plan's instant: the clock's, or the head's when the clock is behind it.
        var recordedAtText = LedgerInstant.ToText(plan.Written[0].RecordedAt);
        for (var i = 0; i < plan.Written.Count; i++)
        {
            Insert(plan.Written[i], recordedAtText);
        }

        tx.Commit();
        return (plan.Results, true);
    }

    /// <summary>The stored rows among every id of the call, in one statement (the ids go as one JSON array parameter).</summary>
    private Dictionary<Guid, StoredIdentity> StoredAmong(IReadOnlyList<StreamAppend> appends)
    {
        var stored = new Dictionary<Guid, StoredIdentity>();
        var ids = appends.SelectMany(a => a.Events).Select(e => EventRows.FormatId(e.EventId)).ToList();
        if (ids.Count == 0)
        {
            return stored;
        }

        _selectByIds.Parameters[0].Value = JsonSerializer.Serialize(ids);
        using var row = _selectByIds.ExecuteReader();
        while (row.Read())
        {
            stored[Guid.ParseExact(row.GetString(0), "D")] = new StoredIdentity(row.GetInt64(1), row.GetString(2), row.GetInt64(3), row.GetString(4), row.GetString(5),
                Guid.ParseExact(row.GetString(6), "D"));
        }

        return stored;
    }
}
