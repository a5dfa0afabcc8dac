using Compliance.Application.Store;
using Microsoft.Data.Sqlite;

namespace Compliance.Adapters.Sqlite.Events;

internal sealed partial class LedgerWriter
{
    private SqliteCommand? selectLastRecordedAt;

    /// <summary>The head's recorded-at, read in the append's transaction (the append core keeps new events from going before it).</summary>
    public DateTimeOffset? HeadRecordedAt()
    {
        selectLastRecordedAt ??= Command("SELECT recorded_at FROM events ORDER BY position DESC LIMIT 1");
        selectLastRecordedAt.Transaction = _selectHead.Transaction;
        return selectLastRecordedAt.ExecuteScalar() is string last ? LedgerInstant.Parse(last) : null;
    }
}
