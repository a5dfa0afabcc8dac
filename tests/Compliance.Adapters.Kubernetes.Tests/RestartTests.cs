using Compliance.Contracts.Observations;
using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;
using Compliance.Testing.Kubernetes;
using Microsoft.Extensions.Logging;
using D = Compliance.Domain.Events;

namespace Compliance.Adapters.Kubernetes.Tests;

/// <summary>
/// A watcher that starts again publishes its complete listing of the cluster once every stream is listed; recording it,
/// the observation decider removes what disappeared while no watcher ran, and only once.
/// </summary>
public sealed class RestartTests
{
    private const string Reconciled = "listed completely";

    [Fact]
    public async Task a_node_an_add_on_and_a_drain_risk_that_vanish_while_the_watcher_is_stopped_are_removed_after_the_restart()
    {
        await using var h = await StoppedAfterFirstPublicationAsync();
        await h.Ledger.Projections.CatchUpAsync(CancellationToken.None);
        (await KubeletInstancesAsync(h)).ShouldBe(3);
        (await AddOnsAsync(h)).ShouldContain("coredns");
        (await FindingAsync(h, FindingKind.PdbAllowsNoDisruption)).ResolvedAt.ShouldBeNull();
        var before = h.Publisher.Published.Count;
        var recorded = (await h.Ledger.ObservationsAsync()).Count;

        Vanish(h.Api);
        h.StartWatcher();
        await h.Eventually(() => Listings(h.Publisher.Published.Skip(before)).Count == 1, "the restarted watcher's listing");
        await h.Settled();

        Gone(h.Publisher.Published.Skip(before)).ShouldBeEmpty("the restarted watcher never saw them: the decider removes them");
        var removed = Removals(await h.Ledger.ObservationsAsync(), recorded);
        removed.OfType<D.NodeRemoved>().ShouldHaveSingleItem().Node.ShouldBe("node-c");
        var addOn = removed.OfType<D.AddOnRemoved>().ShouldHaveSingleItem();
        (addOn.ClusterId, addOn.Namespace, addOn.Workload, addOn.Container).ShouldBe((WatcherHarness.ClusterId, "kube-system", "coredns", "coredns"));
        removed.OfType<D.DrainRiskResolved>().ShouldHaveSingleItem().RiskId.ShouldBe("pdb/shop/checkout");
        removed.Count.ShouldBe(3);
        h.Log.Said(LogLevel.Information, "Cluster test-cluster listed completely: 2 nodes").ShouldBeTrue();

        await h.Ledger.Projections.CatchUpAsync(CancellationToken.None);
        (await KubeletInstancesAsync(h)).ShouldBe(2, "the removed node no longer counts in EOL risk");
        (await AddOnsAsync(h)).ShouldNotContain("coredns");
        (await AddOnsAsync(h)).ShouldContain("cilium");
        (await FindingAsync(h, FindingKind.PdbAllowsNoDisruption)).ResolvedAt.ShouldNotBeNull();
        (await FindingAsync(h, FindingKind.SingleReplica)).ResolvedAt.ShouldBeNull();
        var present = await h.Ledger.PresentAsync(WatcherHarness.ClusterId);
        present.Nodes.Keys.Order().ShouldBe(["node-a", "node-b"]);
        present.OpenRisks.Keys.ShouldNotContain("pdb/shop/checkout");
    }

    [Fact]
    public async Task a_listing_taken_again_carries_the_same_id_and_a_second_restart_records_nothing()
    {
        await using var h = await StoppedAfterFirstPublicationAsync();
        Vanish(h.Api);

        var lost = new CollectingPublisher();
        h.StartWatcher(lost);
        await h.Eventually(() => Listings(lost.Published).Count == 1, "the listing handed to a bus that loses it");
        await h.StopWatcherAsync();
        (await h.Ledger.PresentAsync(WatcherHarness.ClusterId)).Nodes.Keys.ShouldContain("node-c", "nothing reached the ledger");

        var before = h.Publisher.Published.Count;
        var recorded = (await h.Ledger.ObservationsAsync()).Count;
        h.StartWatcher();
        await h.Eventually(() => Listings(h.Publisher.Published.Skip(before)).Count == 1, "the listing, taken again");
        await h.Settled();
        Listings(h.Publisher.Published.Skip(before)).Single().Id.ShouldBe(Listings(lost.Published).Single().Id);
        Removals(await h.Ledger.ObservationsAsync(), recorded).Count.ShouldBe(3);
        recorded = (await h.Ledger.ObservationsAsync()).Count;
        await h.StopWatcherAsync();

        var third = h.Publisher.Published.Count;
        h.StartWatcher();
        await h.Eventually(() => h.Log.Lines.Count(l => l.Text.Contains(Reconciled, StringComparison.Ordinal)) == 4, "the third restart's listing");
        await h.Settled();
        Listings(h.Publisher.Published.Skip(third)).Count.ShouldBe(1);
        (await h.Ledger.ObservationsAsync()).Count.ShouldBe(recorded);
    }

    [Fact]
    public async Task a_node_that_returns_and_vanishes_again_while_unwatched_is_removed_again()
    {
        await using var h = await StoppedAfterFirstPublicationAsync();
        h.Api.Delete(ApiResources.Nodes, null, "node-c").ShouldBeTrue();
        var firstRemoval = await RestartAsync(h);
        var whileGone = await RestartAsync(h);
        h.Api.Put(KubeObjects.Node("node-c"));
        (await RestartAsync(h)).Message.Nodes.ShouldContain("node-c");
        h.Api.Delete(ApiResources.Nodes, null, "node-c").ShouldBeTrue();
        var secondRemoval = await RestartAsync(h);

        whileGone.Id.ShouldBe(firstRemoval.Id, "nothing changed in the cluster between those two listings");
        secondRemoval.Message.Nodes.ShouldBe(firstRemoval.Message.Nodes);
        secondRemoval.Id.ShouldNotBe(firstRemoval.Id, "the same names at a later resourceVersion are a new listing, whose removals are new events");
        var recorded = (await h.Ledger.ObservationsAsync()).Where(o => o is D.NodeRemoved or D.NodeObserved { Node: "node-c" }).ToList();
        recorded.Select(o => o.GetType().Name).ShouldBe(["NodeObserved", "NodeRemoved", "NodeObserved", "NodeRemoved"]);
        (await h.Ledger.PresentAsync(WatcherHarness.ClusterId)).Nodes.Keys.ShouldNotContain("node-c");
    }

    [Fact]
    public async Task an_unchanged_cluster_relisted_after_a_restart_gets_the_same_message_ids_and_records_nothing()
    {
        await using var h = await StoppedAfterFirstPublicationAsync();
        var first = h.Publisher.Published.ToList();
        var recorded = (await h.Ledger.ObservationsAsync()).Count;

        h.StartWatcher();
        await h.Eventually(() => h.Log.Lines.Count(l => l.Text.Contains(Reconciled, StringComparison.Ordinal)) == 2, "the restarted watcher's listing");
        await h.Settled();

        var second = h.Publisher.Published.Skip(first.Count).ToList();
        Gone(second).ShouldBeEmpty();
        IdsOf<NodeObserved>(second).ShouldBe(IdsOf<NodeObserved>(first));
        IdsOf<AddOnVersionObserved>(second).ShouldBe(IdsOf<AddOnVersionObserved>(first));
        IdsOf<ClusterInventoryListed>(second).ShouldBe(IdsOf<ClusterInventoryListed>(first));
        IdsOf<NodeObserved>(second).Count.ShouldBe(3);
        (await h.Ledger.ObservationsAsync()).Count.ShouldBe(recorded, "the ledger already knows everything the new watcher saw");
    }

    [Fact]
    public async Task a_restart_while_the_api_server_is_unreachable_removes_nothing_until_the_cluster_is_listed()
    {
        await using var h = await StoppedAfterFirstPublicationAsync();
        Vanish(h.Api);
        await h.Api.StopAsync();
        var before = h.Publisher.Published.Count;
        var recorded = (await h.Ledger.ObservationsAsync()).Count;

        h.StartWatcher();
        await h.Eventually(() => h.Watcher!.State.Streams.Count(s => s.Stream != "version" && s.Reconnects >= 3) == 5, "every list failing a few times");
        await Task.Delay(500);
        h.Publisher.Published.Count.ShouldBe(before);
        (await h.Ledger.ObservationsAsync()).Count.ShouldBe(recorded);

        await h.Api.StartAsync();
        await h.Eventually(() => Listings(h.Publisher.Published.Skip(before)).Count == 1, "the listing once the cluster is listed");
        Removals(await h.Ledger.ObservationsAsync(), recorded).Count.ShouldBe(3);
    }

    [Fact]
    public async Task a_restart_that_lists_nodes_but_not_pods_removes_nothing_until_every_list_completes()
    {
        await using var h = await StoppedAfterFirstPublicationAsync();
        Vanish(h.Api);
        h.Api.FailLists(ApiResources.Pods);
        var before = h.Publisher.Published.Count;
        var recorded = (await h.Ledger.ObservationsAsync()).Count;

        h.StartWatcher();
        await h.Eventually(() => h.Watcher!.State.Streams.Any(s => s.Stream == "pods" && s.Reconnects >= 3), "the pod list failing a few times");
        await h.Settled();
        h.Publisher.Published.Skip(before).Select(p => p.Message).OfType<NodeObserved>().Count().ShouldBe(2, "the nodes were listed");
        Listings(h.Publisher.Published.Skip(before)).ShouldBeEmpty();
        Removals(await h.Ledger.ObservationsAsync(), recorded).ShouldBeEmpty();

        h.Api.FailLists(ApiResources.Pods, failing: false);
        await h.Eventually(() => Listings(h.Publisher.Published.Skip(before)).Count == 1, "the listing once the pods are listed");
        await h.Settled();
        Removals(await h.Ledger.ObservationsAsync(), recorded).Count.ShouldBe(3);
    }

    /// <summary>Starts the watcher, waits for its listing and for it to settle, stops it; returns the listing and its id.</summary>
    private static async Task<(ClusterInventoryListed Message, Guid Id)> RestartAsync(WatcherHarness h)
    {
        var before = h.Publisher.Published.Count;
        h.StartWatcher();
        await h.Eventually(() => Listings(h.Publisher.Published.Skip(before)).Count == 1, "the restarted watcher's listing");
        await h.Settled();
        await h.StopWatcherAsync();
        var (message, id) = Listings(h.Publisher.Published.Skip(before)).Single();
        return ((ClusterInventoryListed)message, id);
    }

    /// <summary>The test cluster watched until its first publication is recorded, then the watcher stopped.</summary>
    private static async Task<WatcherHarness> StoppedAfterFirstPublicationAsync()
    {
        var h = await WatcherHarness.StartAsync();
        await h.Eventually(() => h.Publisher.Of<DrainRiskFound>().Count == 3, "the first publication");
        await h.Settled();
        await h.StopWatcherAsync();
        return h;
    }

    /// <summary>While no watcher runs: node-c is deleted, coredns uninstalled, and the checkout budget that allowed no disruption removed.</summary>
    private static void Vanish(LocalKubernetesApi api)
    {
        api.Delete(ApiResources.Nodes, null, "node-c").ShouldBeTrue();
        foreach (var i in new[] { 0, 1 }) api.Delete(ApiResources.Pods, "kube-system", $"coredns-5d8f7c9b4-{i}").ShouldBeTrue();
        api.Delete(ApiResources.PodDisruptionBudgets, "shop", "checkout").ShouldBeTrue();
    }

    private static List<(object Message, Guid Id)> Gone(IEnumerable<(object Message, Guid Id)> published) =>
        [.. published.Where(p => p.Message is NodeRemoved or AddOnRemoved or DrainRiskResolved)];

    private static List<(object Message, Guid Id)> Listings(IEnumerable<(object Message, Guid Id)> published) =>
        [.. published.Where(p => p.Message is ClusterInventoryListed)];

    /// <summary>The removals and resolutions the ledger recorded after its first <paramref name="skip"/> observations.</summary>
    private static List<D.ObservationEvent> Removals(IReadOnlyList<D.ObservationEvent> recorded, int skip) =>
        [.. recorded.Skip(skip).Where(o => o is D.NodeRemoved or D.AddOnRemoved or D.DrainRiskResolved)];

    private static List<Guid> IdsOf<T>(IEnumerable<(object Message, Guid Id)> published) => [.. published.Where(p => p.Message is T).Select(p => p.Id).Order()];

    private static async Task<int> KubeletInstancesAsync(WatcherHarness h) =>
        (await h.Ledger.Queries.EolRiskAsync(WatcherHarness.ClusterId, DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None))
        .Where(r => r.Kind == ComponentKind.Kubelet).Sum(r => r.Instances);

    private static async Task<List<string>> AddOnsAsync(WatcherHarness h) =>
        [.. (await h.Ledger.Queries.EolRiskAsync(WatcherHarness.ClusterId, DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None))
            .Where(r => r.Kind == ComponentKind.AddOn).Select(r => r.Product)];

    private static async Task<Finding> FindingAsync(WatcherHarness h, FindingKind kind) =>
        (await h.Ledger.Queries.FindingsAsync(WatcherHarness.ClusterId, DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None)).Single(f => f.Kind == kind);
}
