using Compliance.Adapters.Sqlite.ReadModels;
using Compliance.Application.ReadModels;

namespace Compliance.Adapters.Sqlite.Tests.ReadModels;

/// <summary>A rebuild goes into a file beside the read models and replaces them only once complete.</summary>
public sealed class ReadModelFileTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempFolder folder = new();

    private string File => folder.File("readmodels.db");

    [Fact]
    public async Task a_rebuild_that_fails_part_way_leaves_the_old_read_models_and_no_half_built_file()
    {
        var old = new SqliteReadModelStore(File);
        await old.CommitAsync(new ReadModelBatch([], [Line(1), Line(2)], [], 2, At, new string('a', 64)), CancellationToken.None);
        var before = await old.DigestAsync(CancellationToken.None);

        await Should.ThrowAsync<InvalidOperationException>(() => ReadModelFile.ReplaceAsync<int>(File, async (aside, ct) =>
        {
            await aside.CommitAsync(new ReadModelBatch([], [Line(1)], [], 1, At), ct);
            throw new InvalidOperationException("the process died here");
        }, CancellationToken.None));

        (await new SqliteReadModelStore(File).DigestAsync(CancellationToken.None)).ShouldBe(before);
        Directory.EnumerateFiles(Path.GetDirectoryName(File)!).ShouldNotContain(f => f.Contains("rebuilding", StringComparison.Ordinal));
    }

    [Fact]
    public async Task a_completed_rebuild_replaces_the_read_models_with_their_checkpoint_and_hash()
    {
        await new SqliteReadModelStore(File).CommitAsync(new ReadModelBatch([], [Line(1)], [], 9, At, new string('a', 64)), CancellationToken.None);

        await ReadModelFile.ReplaceAsync(File, async (aside, ct) =>
        {
            await aside.CommitAsync(new ReadModelBatch([], [Line(1), Line(2), Line(3)], [], 3, At, new string('b', 64)), ct);
            return 3;
        }, CancellationToken.None);

        var replaced = new SqliteReadModelStore(File);
        (await replaced.ReadCheckpointHeadAsync(CancellationToken.None)).ShouldBe(new ReadModelCheckpoint(3, new string('b', 64)));
        (await replaced.AuditLogAsync("c1", 0, 10, CancellationToken.None)).Count.ShouldBe(3);
    }

    private static AuditEntry Line(long position) => new("c1", position, "cluster-c1", position - 1, At, "test", $"line {position}");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Dispose();
    }
}
