using Compliance.Host.Composition;

namespace Compliance.Host.Composition;

/// <summary>Reads --store as the Compliance:Store settings it stands for.</summary>
internal static class StoreOption
{
    public static Dictionary<string, string?> Settings(string value)
    {
        var text = value.Trim();
        if (text.Equals("sqlite", StringComparison.OrdinalIgnoreCase)) return new() { [$"{StoreOptions.Section}:Kind"] = StoreOptions.KindSqlite };
        if (text.Equals("eventstoredb", StringComparison.OrdinalIgnoreCase) || text.Equals("esdb", StringComparison.OrdinalIgnoreCase))
            return new() { [$"{StoreOptions.Section}:Kind"] = StoreOptions.KindEventStoreDb };
        if (text.StartsWith("esdb://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("esdb+discover://", StringComparison.OrdinalIgnoreCase))
            return new() { [$"{StoreOptions.Section}:Kind"] = StoreOptions.KindEventStoreDb, [$"{StoreOptions.Section}:EventStoreDb:ConnectionString"] = text };
        throw new UserError($"--store: '{value}' is not sqlite, eventstoredb or an esdb:// connection string");
    }
}
