using Compliance.Application.Catalog;
using Compliance.Application.Projections;
using Compliance.Application.ReadModels;
using Compliance.Domain.Events;
using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;

namespace Compliance.Adapters.Sqlite.Tests.ReadModels;

/// <summary>Cluster prod-1 folded from events given in order, evaluated and written into a read-model store like the projection runner does.</summary>
internal sealed class OneClusterFleet
{
    public const string ClusterId = "prod-1";
    public static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly FleetState fleet = new(CatalogSnapshot.Embedded.Catalog);
    private long position;

    public void Register() =>
        Apply(new ClusterRegistered(ClusterId, "Production 1", Domain.Events.Environment.Production, "platform", Flavour.Upstream, null, At));

    public void Apply(DomainEvent e)
    {
        position++;
        var stream = e switch
        {
            ClusterRegistered => $"cluster-{ClusterId}",
            ExceptionEvent => $"exceptions-{ClusterId}",
            _ => $"observations-{ClusterId}",
        };
        fleet.Apply(new RecordedFact(e, stream, position, position, At));
    }

    /// <summary>Evaluates the cluster a day after <see cref="At"/> and commits it with the checkpoint at the last event applied.</summary>
    public Task WriteAsync(IReadModelStore store) =>
        store.CommitAsync(new ReadModelBatch([ClusterEvaluation.Evaluate(fleet, fleet.Clusters[ClusterId], At.AddDays(1))], [], [], position, At.AddDays(1)), CancellationToken.None);

    public static NodeObserved Node(int n, string version, DateTimeOffset at) => new(ClusterId, $"node-{n}",
        new NodeInfo(version, version, "Ubuntu 22.04.5 LTS", "5.15.0-1057-aws", "containerd://1.7.20", "amd64", "linux", "m", "u", "b"),
        new Dictionary<string, string>(), new Dictionary<string, string> { ["cpu"] = "4", ["memory"] = "16Gi" }, false, new Dictionary<string, string>(), at);
}
