using Microsoft.Data.Sqlite;

namespace Compliance.Adapters.Sqlite.ReadModels;

internal static class Ticks
{
    public static DateTimeOffset Read(SqliteDataReader reader, int ordinal) => new(reader.GetInt64(ordinal), TimeSpan.Zero);

    public static object Of(DateTimeOffset? value) => value is { } v ? v.UtcTicks : DBNull.Value;
}
