using Microsoft.Data.Sqlite;

namespace Compliance.Adapters.Sqlite.Events;

internal sealed partial class LedgerWriter
{
    private SqliteCommand? selectLastRecordedAt;

    /// <summary>
    /// The recorded-at for events appended now: the clock's, or the head's when the clock is behind it (it was stepped
    /// back), so recorded-at never decreases along the chain and verify can refuse a back-dated event.
    /// </summary>
    private (DateTimeOffset At, string Text) NotBeforeHead(DateTimeOffset at, string text)
    {
        selectLastRecordedAt ??= Command("SELECT recorded_at FROM events ORDER BY position DESC LIMIT 1");
        selectLastRecordedAt.Transaction = _selectHead.Transaction;
        return selectLastRecordedAt.ExecuteScalar() is string last && string.CompareOrdinal(last, text) > 0 ? (EventRows.ParseInstant(last), last) : (at, text);
    }
}
