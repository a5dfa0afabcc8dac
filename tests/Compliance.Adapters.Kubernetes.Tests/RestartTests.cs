using Compliance.Contracts.Observations;
using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;
using Compliance.Testing.Kubernetes;
using Microsoft.Extensions.Logging;

namespace Compliance.Adapters.Kubernetes.Tests;

/// <summary>A watcher that starts again records what disappeared while none ran, once every stream is listed, and only once.</summary>
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

        Vanish(h.Api);
        h.StartWatcher();
        await h.Eventually(() => Gone(h.Publisher.Published.Skip(before)).Count == 3, "the three removals");
        await h.Settled();

        var after = h.Publisher.Published.Skip(before).Select(p => p.Message).ToList();
        after.OfType<NodeRemoved>().ShouldHaveSingleItem().Node.ShouldBe("node-c");
        var addOn = after.OfType<AddOnRemoved>().ShouldHaveSingleItem();
        (addOn.ClusterId, addOn.Namespace, addOn.Workload, addOn.Container).ShouldBe((WatcherHarness.ClusterId, "kube-system", "coredns", "coredns"));
        after.OfType<DrainRiskResolved>().ShouldHaveSingleItem().RiskId.ShouldBe("pdb/shop/checkout");
        h.Log.Said(LogLevel.Information, "1 nodes, 1 add-on containers and 1 drain risks the ledger held had disappeared").ShouldBeTrue();

        await h.Ledger.Projections.CatchUpAsync(CancellationToken.None);
        (await KubeletInstancesAsync(h)).ShouldBe(2, "the removed node no longer counts in EOL risk");
        (await AddOnsAsync(h)).ShouldNotContain("coredns");
        (await AddOnsAsync(h)).ShouldContain("cilium");
        (await FindingAsync(h, FindingKind.PdbAllowsNoDisruption)).ResolvedAt.ShouldNotBeNull();
        (await FindingAsync(h, FindingKind.SingleReplica)).ResolvedAt.ShouldBeNull();
        var present = await h.Recorded.PresentAsync(WatcherHarness.ClusterId, CancellationToken.None);
        present.Nodes.Keys.Order().ShouldBe(["node-a", "node-b"]);
        present.OpenRisks.Keys.ShouldNotContain("pdb/shop/checkout");
    }

    [Fact]
    public async Task a_removal_derived_again_carries_the_same_id_and_a_second_restart_records_nothing()
    {
        await using var h = await StoppedAfterFirstPublicationAsync();
        Vanish(h.Api);

        var lost = new CollectingPublisher();
        h.StartWatcher(lost);
        await h.Eventually(() => Gone(lost.Published).Count == 3, "the removals handed to a bus that loses them");
        await h.StopWatcherAsync();
        (await h.Recorded.PresentAsync(WatcherHarness.ClusterId, CancellationToken.None)).Nodes.Keys.ShouldContain("node-c", "nothing reached the ledger");

        var before = h.Publisher.Published.Count;
        h.StartWatcher();
        await h.Eventually(() => Gone(h.Publisher.Published.Skip(before)).Count == 3, "the removals, derived again");
        await h.Settled();
        Gone(h.Publisher.Published.Skip(before)).Select(g => g.Id).Order().ShouldBe(Gone(lost.Published).Select(g => g.Id).Order());
        var recorded = (await h.Ledger.ObservationsAsync()).Count;
        await h.StopWatcherAsync();

        var third = h.Publisher.Published.Count;
        h.StartWatcher();
        await h.Eventually(() => h.Log.Lines.Count(l => l.Text.Contains(Reconciled, StringComparison.Ordinal)) == 4, "the third restart's comparison");
        await h.Settled();
        Gone(h.Publisher.Published.Skip(third)).ShouldBeEmpty();
        (await h.Ledger.ObservationsAsync()).Count.ShouldBe(recorded);
    }

    [Fact]
    public async Task a_node_that_returns_and_vanishes_again_while_unwatched_is_removed_again()
    {
        await using var h = await StoppedAfterFirstPublicationAsync();
        h.Api.Delete(ApiResources.Nodes, null, "node-c").ShouldBeTrue();
        await RestartUntilAsync(h, p => p.OfType<NodeRemoved>().Any(), "the first removal");
        await RestartUntilAsync(h, _ => true, "a restart while node-c is gone");
        h.Api.Put(KubeObjects.Node("node-c"));
        await RestartUntilAsync(h, p => p.OfType<NodeObserved>().Any(n => n.Node == "node-c"), "node-c back");
        h.Api.Delete(ApiResources.Nodes, null, "node-c").ShouldBeTrue();
        await RestartUntilAsync(h, p => p.OfType<NodeRemoved>().Any(), "the second removal");

        var removals = h.Publisher.Published.Where(p => p.Message is NodeRemoved).ToList();
        removals.Count.ShouldBe(2);
        removals[1].Id.ShouldNotBe(removals[0].Id, "the second removal follows a new observation, so it is a new message");
        var recorded = (await h.Ledger.ObservationsAsync()).Where(o => o is Domain.Events.NodeRemoved or Domain.Events.NodeObserved { Node: "node-c" }).ToList();
        recorded.Select(o => o.GetType().Name).ShouldBe(["NodeObserved", "NodeRemoved", "NodeObserved", "NodeRemoved"]);
        (await h.Recorded.PresentAsync(WatcherHarness.ClusterId, CancellationToken.None)).Nodes.Keys.ShouldNotContain("node-c");
    }

    [Fact]
    public async Task an_unchanged_cluster_relisted_after_a_restart_gets_the_same_message_ids_and_records_nothing()
    {
        await using var h = await StoppedAfterFirstPublicationAsync();
        var first = h.Publisher.Published.ToList();
        var recorded = (await h.Ledger.ObservationsAsync()).Count;

        h.StartWatcher();
        await h.Eventually(() => h.Log.Lines.Count(l => l.Text.Contains(Reconciled, StringComparison.Ordinal)) == 2, "the restarted watcher's comparison");
        await h.Settled();

        var second = h.Publisher.Published.Skip(first.Count).ToList();
        Gone(second).ShouldBeEmpty();
        IdsOf<NodeObserved>(second).ShouldBe(IdsOf<NodeObserved>(first));
        IdsOf<AddOnVersionObserved>(second).ShouldBe(IdsOf<AddOnVersionObserved>(first));
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
        await h.Eventually(() => Gone(h.Publisher.Published.Skip(before)).Count == 3, "the removals once the cluster is listed");
    }

    [Fact]
    public async Task a_restart_that_lists_nodes_but_not_pods_removes_nothing_until_every_list_completes()
    {
        await using var h = await StoppedAfterFirstPublicationAsync();
        Vanish(h.Api);
        h.Api.FailLists(ApiResources.Pods);
        var before = h.Publisher.Published.Count;

        h.StartWatcher();
        await h.Eventually(() => h.Watcher!.State.Streams.Any(s => s.Stream == "pods" && s.Reconnects >= 3), "the pod list failing a few times");
        await h.Settled();
        h.Publisher.Published.Skip(before).Select(p => p.Message).OfType<NodeObserved>().Count().ShouldBe(2, "the nodes were listed");
        Gone(h.Publisher.Published.Skip(before)).ShouldBeEmpty();
        h.Log.Said(LogLevel.Information, "1 nodes").ShouldBeFalse();

        h.Api.FailLists(ApiResources.Pods, failing: false);
        await h.Eventually(() => Gone(h.Publisher.Published.Skip(before)).Count == 3, "the removals once the pods are listed");
        await h.Settled();
        Gone(h.Publisher.Published.Skip(before)).Count.ShouldBe(3);
    }

    /// <summary>Starts the watcher, waits until what it published since satisfies <paramref name="until"/> and it compared with the ledger, then stops it.</summary>
    private static async Task RestartUntilAsync(WatcherHarness h, Func<IEnumerable<object>, bool> until, string what)
    {
        var before = h.Publisher.Published.Count;
        var compared = h.Log.Lines.Count(l => l.Text.Contains(Reconciled, StringComparison.Ordinal));
        h.StartWatcher();
        await h.Eventually(() => until(h.Publisher.Published.Skip(before).Select(p => p.Message))
            && h.Log.Lines.Count(l => l.Text.Contains(Reconciled, StringComparison.Ordinal)) > compared, what);
        await h.Settled();
        await h.StopWatcherAsync();
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
