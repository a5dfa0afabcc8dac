using System.Text;
using Compliance.Application.Serialization;
using Compliance.Application.Store;
using NodeRemoved = Compliance.Domain.Events.NodeRemoved;
using Microsoft.Extensions.Time.Testing;

namespace Compliance.Adapters.EventStoreDb.Tests;

/// <summary>An export loaded into EventStoreDB keeps every event and the head hash (needs a server: skipped without one).</summary>
public sealed class EventStoreDbImportTests
{
    /// <summary>An event the import reads (it refuses types the ledger does not know).</summary>
    internal static EventToAppend Event(int i, EventMetadata who) =>
        EventSerializer.Default.ToStored(new NodeRemoved("c1", $"node-{i}", new DateTimeOffset(2025, 5, 1, 8, 0, 0, TimeSpan.Zero).AddMinutes(i)), Guid.NewGuid(), who);

    [EsdbFact]
    public async Task an_export_imported_into_eventstoredb_verifies_with_the_same_head_hash_and_can_be_appended_to()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 5, 1, 8, 0, 0, TimeSpan.Zero));
        using var source = new EventStoreDbEventStore(EsdbLeg.Settings, $"export{Guid.NewGuid():N}-ledger", clock);
        var who = new EventMetadata("alice@example.test", Guid.NewGuid(), Guid.NewGuid());
        for (var i = 0; i < 30; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(7));
            await source.AppendAsync($"s-{i % 4}", ExpectedRevision.Any, [Event(i, who)], CancellationToken.None);
        }

        using var file = new MemoryStream();
        var header = await LedgerExport.WriteAsync(source, file, CancellationToken.None);
        using var target = new EventStoreDbEventStore(EsdbLeg.Settings, $"import{Guid.NewGuid():N}-ledger", TimeProvider.System);
        var verified = await LedgerImport.ReadAsync(new StringReader(Encoding.UTF8.GetString(file.ToArray())), target, target, CancellationToken.None);
        var next = await target.AppendAsync("s-1", ExpectedRevision.Exact(7), [new EventToAppend(Guid.NewGuid(), "V1.Imported", 1, "{}", who)], CancellationToken.None);

        header.Events.ShouldBe(30);
        verified.Verified.ShouldBe(30);
        verified.HeadHash.ShouldBe(header.HeadHash);
        next.Positions.ShouldBe([31L]);
        (await HashChainVerifier.VerifyAsync(target, CancellationToken.None)).Verified.ShouldBe(31);
    }
}
