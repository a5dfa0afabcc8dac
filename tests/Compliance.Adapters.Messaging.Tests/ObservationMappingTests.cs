using Compliance.Adapters.Messaging.Consumers;
using Compliance.Contracts.Observations;
using Compliance.Domain.Commands;
using Compliance.Domain.Deciders;

namespace Compliance.Adapters.Messaging.Tests;

/// <summary>What the consumers record of a message another watcher wrote, through the real command handler and ledger.</summary>
public sealed class ObservationMappingTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task a_cluster_listing_without_its_node_list_is_rejected_and_removes_nothing()
    {
        using var ledger = new TestLedger();
        var node = Observations.Node("web-prod", "node-1", "v1.30.1", At);
        await ledger.Handler.HandleAsync(new RecordObservation(ObservationMapping.ToDomain(node), "watcher", At), Guid.NewGuid(), CancellationToken.None);
        var listing = new ClusterInventoryListed("web-prod", null!, ["kube-system"], [], [], "42", At, "other-watcher");

        var outcome = await ledger.Handler.HandleAsync(new ReconcileInventory(ObservationMapping.ToDomain(listing), "watcher", At), Guid.NewGuid(), CancellationToken.None);

        outcome.Rejection.ShouldBe("cluster listing of 'web-prod' has no list of nodes (an empty list says there are none)");
        (await ledger.StreamAsync(Streams.Observations("web-prod"))).Select(e => e.Type).ShouldBe(["V1.NodeObserved"]);
    }

    [Fact]
    public void a_cluster_listing_keeps_its_names_and_reads_missing_names_as_empty()
    {
        var listing = new ClusterInventoryListed("web-prod", ["node-1"], ["kube-system"], [new AddOnContainer("kube-system", "coredns", null!)], [], "42", At, "w");

        var inventory = ObservationMapping.ToDomain(listing);

        inventory.Nodes.ShouldBe(["node-1"]);
        inventory.AddOns.ShouldBe([new AddOnKey("kube-system", "coredns", "")]);
        inventory.OpenRisks.ShouldBeEmpty();
        inventory.ObservedAt.ShouldBe(At);
    }
}
