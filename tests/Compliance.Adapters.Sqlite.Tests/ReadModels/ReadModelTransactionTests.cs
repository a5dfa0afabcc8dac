using Compliance.Adapters.Sqlite.ReadModels;
using Compliance.Application.ReadModels;
using Microsoft.Data.Sqlite;

namespace Compliance.Adapters.Sqlite.Tests.ReadModels;

public sealed class ReadModelTransactionTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly TempFolder folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    [Fact]
    public async Task lines_appended_in_parts_show_only_once_committed_with_their_checkpoint()
    {
        var store = new SqliteReadModelStore(folder.File("rm.db"));
        await using (var open = await store.BeginAsync(CancellationToken.None))
        {
            await open.AppendAsync([Line(1), Line(2)], [], CancellationToken.None);
            await open.AppendAsync([Line(3)], [new CatalogFactRow(4, "V1.PatchReleased", "{}", At)], CancellationToken.None);

            (await store.AuditLogAsync("prod-1", 0, 10, CancellationToken.None)).ShouldBeEmpty();
            (await store.ReadCheckpointAsync(CancellationToken.None)).ShouldBe(0);

            await open.CommitAsync(4, At, CancellationToken.None);
        }

        (await store.AuditLogAsync("prod-1", 0, 10, CancellationToken.None)).Select(a => a.Position).ShouldBe([1L, 2L, 3L]);
        (await store.CatalogFactsAsync(At, CancellationToken.None)).ShouldHaveSingleItem().Position.ShouldBe(4);
        (await store.ReadCheckpointAsync(CancellationToken.None)).ShouldBe(4);
    }

    [Fact]
    public async Task a_transaction_closed_without_commit_leaves_the_read_models_as_they_were()
    {
        var store = new SqliteReadModelStore(folder.File("rm.db"));
        await store.CommitAsync(new ReadModelBatch([], [Line(1)], [], 1, At), CancellationToken.None);
        var before = await store.DigestAsync(CancellationToken.None);

        await using (var open = await store.BeginAsync(CancellationToken.None))
        {
            await open.AppendAsync([Line(2), Line(3)], [], CancellationToken.None);
        }

        (await store.DigestAsync(CancellationToken.None)).ShouldBe(before);
        (await store.ReadCheckpointAsync(CancellationToken.None)).ShouldBe(1);
        await store.CommitAsync(new ReadModelBatch([], [Line(2)], [], 2, At), CancellationToken.None); // the file is not left locked
        (await store.ReadCheckpointAsync(CancellationToken.None)).ShouldBe(2);
    }

    [Fact]
    public async Task many_lines_read_back_exactly_as_appended_and_a_position_appended_again_replaces_its_line()
    {
        var store = new SqliteReadModelStore(folder.File("rm.db"));
        var first = Enumerable.Range(1, 203).Select(p => Varied(p, "first")).ToList();
        await using (var open = await store.BeginAsync(CancellationToken.None))
        {
            await open.AppendAsync(first.Take(150).ToList(), [], CancellationToken.None);
            await open.AppendAsync(first.Skip(150).ToList(), [], CancellationToken.None);
            await open.CommitAsync(203, At, CancellationToken.None);
        }

        (await store.AuditLogAsync("prod-1", 0, 1_000, CancellationToken.None)).ShouldBe(first);

        var again = Enumerable.Range(60, 144).Select(p => Varied(p, "again")).ToList();
        await using (var open = await store.BeginAsync(CancellationToken.None))
        {
            await open.AppendAsync([.. again, Varied(61, "twice")], [], CancellationToken.None);
            await open.CommitAsync(203, At, CancellationToken.None);
        }

        (await store.AuditLogAsync("prod-1", 0, 1_000, CancellationToken.None))
            .ShouldBe([.. first.Take(59), Varied(60, "again"), Varied(61, "twice"), .. again.Skip(2)]);
    }

    /// <summary>Lines of varied lengths, some with an empty actor and text beyond ASCII.</summary>
    private static AuditEntry Varied(long position, string pass) =>
        new("prod-1", position, $"observations-prod-{position % 3}", position * 7, At.AddSeconds(position), position % 10 == 0 ? "" : $"watcher:{pass}",
            $"Line {position} ({pass}): node-{position} reports kubelet 1.32.{position % 9} — drains in {position}s ✓ {new string('x', (int)(position % 40))}");

    private static AuditEntry Line(long position) =>
        new("prod-1", position, "observations-prod-1", position - 1, At, "watcher:test", $"Line {position}.");
}
