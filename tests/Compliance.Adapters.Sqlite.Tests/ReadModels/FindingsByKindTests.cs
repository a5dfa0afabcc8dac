using Compliance.Adapters.Sqlite.ReadModels;
using Compliance.Application.Catalog;
using Compliance.Application.Projections;
using Compliance.Application.ReadModels;
using Compliance.Domain.Events;
using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;
using Microsoft.Data.Sqlite;
using Environment = Compliance.Domain.Events.Environment;

namespace Compliance.Adapters.Sqlite.Tests.ReadModels;

/// <summary>Asking for findings of one kind (the integration gateway asks for unrecorded changes) gives exactly those of every kind with that kind.</summary>
public sealed class FindingsByKindTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly TempFolder folder = new();
    private readonly FleetState fleet = new(CatalogSnapshot.Embedded.Catalog);
    private long position;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    [Fact]
    public async Task findings_of_one_kind_are_the_findings_of_every_kind_that_have_it()
    {
        var store = new SqliteReadModelStore(folder.File("findings.db"));
        Apply(new ClusterRegistered("prod-1", "Production 1", Environment.Production, "platform", Flavour.Upstream, null, At));
        for (var n = 0; n < 3; n++) Apply(Node(n, "v1.32.3", At));
        for (var n = 0; n < 3; n++) Apply(Node(n, "v1.32.4", At.AddHours(2))); // no window open: an unrecorded change
        Apply(new DrainRiskFound("prod-1", "SingleReplica/default/deploy/api", DrainRiskKind.SingleReplica, "default/deploy/api", "1 replica", null, At.AddHours(3)));
        await store.CommitAsync(new ReadModelBatch([ClusterEvaluation.Evaluate(fleet, fleet.Clusters["prod-1"], At.AddDays(1))], [], [], position, At.AddDays(1)), CancellationToken.None);

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

    private void Apply(DomainEvent e)
    {
        position++;
        fleet.Apply(new RecordedFact(e, e is ClusterRegistered ? "cluster-prod-1" : "observations-prod-1", position, position, At));
    }

    private static NodeObserved Node(int n, string version, DateTimeOffset at) => new("prod-1", $"node-{n}",
        new NodeInfo(version, version, "Ubuntu 22.04.5 LTS", "5.15.0-1057-aws", "containerd://1.7.20", "amd64", "linux", "m", "u", "b"),
        new Dictionary<string, string>(), new Dictionary<string, string> { ["cpu"] = "4", ["memory"] = "16Gi" }, false, new Dictionary<string, string>(), at);
}
