using Compliance.Adapters.Sqlite.Events;
using Compliance.Application.Store;

namespace Compliance.Application.Tests.Store;

/// <summary>
/// Into a store without a transaction around the whole import (EventStoreDB), an import that stopped part-way is run
/// again: it continues after what is stored, and refuses a store that holds anything but the file's own start.
/// </summary>
public sealed class ImportResumeTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("compliance-resume-").FullName;

    [Fact]
    public async Task an_import_stopped_part_way_continues_after_the_events_already_stored()
    {
        var chain = LedgerFixtures.Chain(40);
        var file = await ExportAsync(chain);
        using var target = new SqliteEventStore(Path.Combine(folder, "target.db"), TimeProvider.System);
        await target.ImportAsync(chain.Take(17).ToList(), CancellationToken.None); // the part written before the failure

        using var input = new StringReader(file);
        var (verified, alreadyStored) = await LedgerImport.ResumeAsync(input, target, target, CancellationToken.None);

        alreadyStored.ShouldBe(17);
        verified.Verified.ShouldBe(40);
        verified.HeadHash.ShouldBe(chain[^1].Hash);
    }

    [Fact]
    public async Task a_store_holding_other_events_is_not_continued()
    {
        var file = await ExportAsync(LedgerFixtures.Chain(40));
        using var target = new SqliteEventStore(Path.Combine(folder, "target.db"), TimeProvider.System);
        await target.ImportAsync(LedgerFixtures.Chain(5), CancellationToken.None);

        using var input = new StringReader(file);
        var error = await Should.ThrowAsync<LedgerImportException>(() => LedgerImport.ResumeAsync(input, target, target, CancellationToken.None));

        error.Message.ShouldContain("line 6: the target store holds 5 event(s) that are not the start of this file");
        (await target.ReadHeadAsync(CancellationToken.None)).Position.ShouldBe(5);
    }

    [Fact]
    public async Task a_plain_import_still_needs_an_empty_store()
    {
        var chain = LedgerFixtures.Chain(10);
        var file = await ExportAsync(chain);
        using var target = new SqliteEventStore(Path.Combine(folder, "target.db"), TimeProvider.System);
        await target.ImportAsync(chain.Take(3).ToList(), CancellationToken.None);

        using var input = new StringReader(file);
        (await Should.ThrowAsync<LedgerImportException>(() => LedgerImport.ReadAsync(input, target, target, CancellationToken.None)))
            .Message.ShouldContain("import needs an empty store");
    }

    private async Task<string> ExportAsync(List<StoredEvent> chain)
    {
        using var source = new SqliteEventStore(Path.Combine(folder, $"source-{Guid.NewGuid():N}.db"), TimeProvider.System);
        await source.ImportAsync(chain, CancellationToken.None);
        using var buffer = new MemoryStream();
        await LedgerExport.WriteAsync(source, buffer, CancellationToken.None);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
