using System.Globalization;
using Compliance.Application.Store;

namespace Compliance.Adapters.Sqlite.Tests;

internal static class SqliteTestEvents
{
    public static EventMetadata Metadata { get; } = new("bob@example.test", Guid.NewGuid(), Guid.NewGuid());

    public static EventToAppend Event(int n) =>
        new(Guid.NewGuid(), "V1.ContractTested", 1, string.Create(CultureInfo.InvariantCulture, $$"""{"n":{{n}}}"""), Metadata);

    public static EventToAppend[] Events(int count) => [.. Enumerable.Range(0, count).Select(Event)];
}
