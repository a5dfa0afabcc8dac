using System.Text;
using Compliance.Application.Store;
using Microsoft.Extensions.Time.Testing;

namespace Compliance.Adapters.EventStoreDb.Tests;

/// <summary>
/// EventStoreDB has no transaction around a whole import: one that stopped part-way (the server went away) is run
/// again and continues after the events it stored (needs a server: skipped without one).
/// </summary>
public sealed class EventStoreDbImportResumeTests
{
    [EsdbFact]
    public async Task an_import_that_stopped_part_way_continues_where_it_stopped()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 5, 1, 8, 0, 0, TimeSpan.Zero));
        using var source = new EventStoreDbEventStore(EsdbLeg.Settings, $"export{Guid.NewGuid():N}-ledger", clock);
        var who = new EventMetadata("alice@example.test", Guid.NewGuid(), Guid.NewGuid());
        for (var i = 0; i < 30; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(7));
            await source.AppendAsync($"s-{i % 4}", ExpectedRevision.Any, [EventStoreDbImportTests.Event(i, who)], CancellationToken.None);
        }

        using var file = new MemoryStream();
        var header = await LedgerExport.WriteAsync(source, file, CancellationToken.None);
        var text = Encoding.UTF8.GetString(file.ToArray());
        using var target = new EventStoreDbEventStore(EsdbLeg.Settings, $"import{Guid.NewGuid():N}-ledger", TimeProvider.System);
        var stored = await source.ReadAllAsync(1, 12, CancellationToken.None).ToListAsync();
        await target.ImportAsync(stored, CancellationToken.None); // what the first run wrote before it stopped

        var (verified, alreadyStored) = await LedgerImport.ResumeAsync(new StringReader(text), target, target, CancellationToken.None);
        var (again, allStored) = await LedgerImport.ResumeAsync(new StringReader(text), target, target, CancellationToken.None);

        alreadyStored.ShouldBe(12);
        verified.Verified.ShouldBe(30);
        verified.HeadHash.ShouldBe(header.HeadHash);
        allStored.ShouldBe(30); // a third run has nothing left to write
        again.HeadHash.ShouldBe(header.HeadHash);
    }
}
