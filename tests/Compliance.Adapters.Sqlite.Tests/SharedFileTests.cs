using Compliance.Adapters.Sqlite.Events;
using Compliance.Application.Store;

namespace Compliance.Adapters.Sqlite.Tests;

/// <summary>Two stores on one file stand in for two processes: they share nothing but the file.</summary>
public sealed class SharedFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task a_subscription_sees_events_appended_to_the_file_by_another_writer()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = cts.Token;
        using var reader = new SqliteEventStore(_folder.File("ledger.db"), TimeProvider.System);
        using var writer = new SqliteEventStore(_folder.File("ledger.db"), TimeProvider.System);
        await writer.AppendAsync("s", ExpectedRevision.NoStream, SqliteTestEvents.Events(3), ct);

        var delivered = new List<long>();
        var subscription = Task.Run(async () =>
        {
            await foreach (var e in reader.SubscribeToAllAsync(0, ct))
            {
                delivered.Add(e.Position);
                if (e.Position == 30)
                {
                    break;
                }
            }
        }, ct);
        for (var i = 0; i < 9; i++)
        {
            await writer.AppendAsync("s", ExpectedRevision.Any, SqliteTestEvents.Events(3), ct);
        }

        await subscription;
        delivered.ShouldBe(Enumerable.Range(1, 30).Select(p => (long)p));
    }

    [Fact]
    public async Task two_writers_on_one_file_keep_one_unbroken_chain()
    {
        using var a = new SqliteEventStore(_folder.File("ledger.db"), TimeProvider.System);
        using var b = new SqliteEventStore(_folder.File("ledger.db"), TimeProvider.System);

        await Task.WhenAll(
            Task.Run(async () => { for (var i = 0; i < 50; i++) { await a.AppendAsync("a", ExpectedRevision.Any, SqliteTestEvents.Events(2), CancellationToken.None); } }),
            Task.Run(async () => { for (var i = 0; i < 50; i++) { await b.AppendAsync("b", ExpectedRevision.Any, SqliteTestEvents.Events(3), CancellationToken.None); } }));

        var verification = await HashChainVerifier.VerifyAsync(a, CancellationToken.None);
        verification.Intact.ShouldBeTrue(verification.FirstBreak?.ToString());
        verification.Verified.ShouldBe(250);
    }
}
