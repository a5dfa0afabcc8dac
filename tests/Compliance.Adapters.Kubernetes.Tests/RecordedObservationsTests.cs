using System.Text.Json.Nodes;
using Compliance.Application.Queries;
using Compliance.Application.Serialization;
using Compliance.Application.Store;
using Compliance.Domain.Deciders;
using Compliance.Domain.Events;

namespace Compliance.Adapters.Kubernetes.Tests;

/// <summary>What the ledger holds as present in a cluster, read from a real SQLite ledger.</summary>
public sealed class RecordedObservationsTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly NodeInfo Info = new("v1.29.3", "v1.29.3", "Ubuntu 22.04.4 LTS", "5.15.0", "containerd://1.7.13", "amd64", "linux", "m", "s", "b");
    private readonly TestLedger ledger = new();

    [Fact]
    public async Task present_subjects_carry_the_revision_that_last_recorded_them_and_removed_ones_are_absent()
    {
        await AppendAsync(
            new ControlPlaneVersionObserved("c1", "v1.29.3", "linux/amd64", At),
            Node("node-a"),
            Node("node-b"),
            new AddOnVersionObserved("c1", "kube-system", "coredns", "coredns", "registry.k8s.io/coredns/coredns:v1.11.1", "coredns", At),
            new AddOnVersionObserved("c1", "kube-system", "cilium", "cilium-agent", "quay.io/cilium/cilium:v1.15.3", "cilium", At),
            new DrainRiskFound("c1", "grace/data/kafka", DrainRiskKind.LongGracePeriod, "data/kafka", "kafka waits 600 s", 600, At),
            new DrainRiskFound("c1", "pdb/shop/checkout", DrainRiskKind.PdbAllowsNoDisruption, "shop/checkout", "allows 0", null, At),
            new NodeRemoved("c1", "node-b", At),
            new AddOnRemoved("c1", "kube-system", "cilium", "cilium-agent", At),
            new DrainRiskResolved("c1", "pdb/shop/checkout", At),
            Node("node-a", kubelet: "v1.29.4"));

        var present = await new RecordedObservations(ledger.Store).PresentAsync("c1", CancellationToken.None);

        present.Nodes.ShouldBe(new Dictionary<string, long> { ["node-a"] = 10 });
        present.AddOns.ShouldBe(new Dictionary<AddOnKey, long> { [new AddOnKey("kube-system", "coredns", "coredns")] = 3 });
        present.OpenRisks.ShouldBe(new Dictionary<string, long> { ["grace/data/kafka"] = 5 });
        (await new RecordedObservations(ledger.Store).PresentAsync("another-cluster", CancellationToken.None)).Nodes.ShouldBeEmpty();
    }

    [Fact]
    public async Task an_event_stored_in_an_older_shape_is_read_through_its_upcaster()
    {
        await AppendAsync(Node("node-a"), Node("node-b"));
        var old = new EventToAppend(Guid.NewGuid(), "V0.NodeGone", 0, """{"cluster":"c1","name":"node-b","at":"2026-11-01T08:00:00+00:00"}""",
            new EventMetadata("test", Guid.Empty, Guid.Empty));
        await ledger.Store.AppendAsync(Streams.Observations("c1"), ExpectedRevision.Exact(1), [old], CancellationToken.None);
        var serializer = new EventSerializer(EventTypeMap.Default, new EventUpcasters().Register(new NodeGoneUpcaster()));

        var present = await new RecordedObservations(ledger.Store, serializer).PresentAsync("c1", CancellationToken.None);

        present.Nodes.Keys.ShouldBe(["node-a"]);
    }

    private static NodeObserved Node(string name, string kubelet = "v1.29.3") =>
        new("c1", name, Info with { KubeletVersion = kubelet }, new Dictionary<string, string>(), new Dictionary<string, string> { ["cpu"] = "4" }, false,
            new Dictionary<string, string>(), At);

    private async Task AppendAsync(params DomainEvent[] events)
    {
        var stream = Streams.Observations("c1");
        var last = await StreamRevisions.LastAsync(ledger.Store, stream, CancellationToken.None);
        var batch = events.Select(e => EventSerializer.Default.ToStored(e, Guid.NewGuid(), new EventMetadata("test", Guid.Empty, Guid.Empty))).ToList();
        await ledger.Store.AppendAsync(stream, last is { } r ? ExpectedRevision.Exact(r) : ExpectedRevision.NoStream, batch, CancellationToken.None);
    }

    public void Dispose() => ledger.Dispose();

    /// <summary>A shape NodeRemoved never had, to prove the upcasters are used for names the type map does not know.</summary>
    private sealed class NodeGoneUpcaster : IEventUpcaster
    {
        public string FromType => "V0.NodeGone";

        public string ToType => "V1.NodeRemoved";

        public JsonObject Upcast(JsonObject json) => new()
        {
            ["clusterId"] = json["cluster"]!.DeepClone(),
            ["node"] = json["name"]!.DeepClone(),
            ["observedAt"] = json["at"]!.DeepClone(),
        };
    }
}
