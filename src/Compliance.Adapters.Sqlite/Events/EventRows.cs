using Compliance.Application.Store;
using Microsoft.Data.Sqlite;

namespace Compliance.Adapters.Sqlite.Events;

/// <summary>Text form of ids and the row-to-event mapping (column order of <see cref="EventsSql.Columns"/>).</summary>
internal static class EventRows
{
    public static string FormatId(Guid id) => id.ToString("D");

    public static StoredEvent Read(SqliteDataReader row) => new(
        EventId: Guid.ParseExact(row.GetString(1), "D"),
        Stream: row.GetString(2),
        Revision: row.GetInt64(3),
        Position: row.GetInt64(0),
        Type: row.GetString(4),
        SchemaVersion: row.GetInt32(5),
        RecordedAt: LedgerInstant.Parse(row.GetString(6)),
        Actor: row.GetString(7),
        CorrelationId: Guid.ParseExact(row.GetString(8), "D"),
        CausationId: Guid.ParseExact(row.GetString(9), "D"),
        Json: row.GetString(10),
        PreviousHash: row.GetString(11),
        Hash: row.GetString(12));
}
