using Compliance.Adapters.Sqlite.ReadModels;
using Compliance.Domain.Events;
using Compliance.Domain.Verdicts;
using Microsoft.Data.Sqlite;

using static Compliance.Adapters.Sqlite.Tests.ReadModels.OneClusterFleet;

namespace Compliance.Adapters.Sqlite.Tests.ReadModels;

/// <summary>Asking for findings of one kind (the integration gateway asks for unrecorded changes) gives exactly those of every kind with that kind.</summary>
public sealed class FindingsByKindTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly OneClusterFleet fleet = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    [Fact]
    public async Task findings_of_one_kind_are_the_findings_of_every_kind_that_have_it()
    {
        var store = new SqliteReadModelStore(folder.File("findings.db"));
        fleet.Register();
        for (var n = 0; n < 3; n++) fleet.Apply(Node(n, "v1.32.3", At));
        for (var n = 0; n < 3; n++) fleet.Apply(Node(n, "v1.32.4", At.AddHours(2))); // no window open: an unrecorded change
        fleet.Apply(new DrainRiskFound("prod-1", "SingleReplica/default/deploy/api", DrainRiskKind.SingleReplica, "default/deploy/api", "1 replica", null, At.AddHours(3)));
        await fleet.WriteAsync(store);

        var all = await store.FindingsAsync(null, null, CancellationToken.None);
        all.Select(f => f.Kind).Distinct().Count().ShouldBeGreaterThan(1, "the cluster has findings of several kinds");
        foreach (var kind in Enum.GetValues<FindingKind>())
        {
            var expected = Keys(all.Where(f => f.Kind == kind));
            Keys(await store.FindingsAsync(null, kind, CancellationToken.None)).ShouldBe(expected, $"findings of kind {kind}");
            Keys(await store.FindingsAsync("prod-1", kind, CancellationToken.None)).ShouldBe(expected, $"prod-1's findings of kind {kind}");
            (await store.FindingsAsync("other", kind, CancellationToken.None)).ShouldBeEmpty();
        }

        all.ShouldContain(f => f.Kind == FindingKind.UnrecordedChange);
    }

    private static List<string> Keys(IEnumerable<Finding> findings) =>
        [.. findings.Select(f => $"{f.ClusterId}|{f.Kind}|{f.Subject}|{f.DetectedAt:O}|{f.ResolvedAt:O}|{string.Join(",", f.Evidence.Select(e => $"{e.Stream}@{e.Revision}"))}")];
}
