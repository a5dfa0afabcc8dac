using System.Globalization;
using Compliance.Adapters.Sqlite.Events;
using Compliance.Application.Serialization;
using Compliance.Application.Store;
using Compliance.Domain.Events;

// Usage: CrashWriter <database file> <events per batch>
// Appends batches of real domain events to five streams until killed, and after each commit prints the batch's
// last global position on its own line, flushed, so the parent knows exactly what was committed.
var path = args[0];
var batchSize = int.Parse(args[1], CultureInfo.InvariantCulture);
using var store = new SqliteEventStore(path, TimeProvider.System);
var serializer = EventSerializer.Default;
var metadata = new EventMetadata("crash-writer", Guid.NewGuid(), Guid.NewGuid());
var output = Console.Out;
for (var batch = 0; ; batch++)
{
    var cluster = $"c{batch % 5}";
    var source = Guid.NewGuid();
    var events = Enumerable.Range(0, batchSize)
        .Select(i => serializer.ToStored(
            new DrainRiskFound(cluster, $"r{batch}-{i}", DrainRiskKind.SingleReplica, $"ns/app-{i}", "one replica", null, DateTimeOffset.UtcNow),
            EventIds.Derive(source, i),
            metadata))
        .ToList();
    var result = await store.AppendAsync($"observations-{cluster}", ExpectedRevision.Any, events, CancellationToken.None);
    await output.WriteLineAsync(result.Positions[^1].ToString(CultureInfo.InvariantCulture));
    await output.FlushAsync();
}
