using Compliance.Contracts.Observations;
using Compliance.Testing.Kubernetes;
using Microsoft.Extensions.Logging;
using static Compliance.Testing.Kubernetes.KubeObjects;

namespace Compliance.Adapters.Kubernetes.Tests;

public sealed class ResilienceTests
{
    [Fact]
    public async Task a_relist_after_410_gone_publishes_nothing_new_and_the_next_change_once()
    {
        await using var h = await WatcherHarness.StartAsync();
        await h.Eventually(() => h.Publisher.Of<DrainRiskFound>().Count == 3, "the first publication");
        await h.Settled();
        var before = h.Publisher.Published.Count;

        await h.Api.StopAsync();
        h.Api.Put(Pod("web", "standalone", "node-a", [new Container("web", "example.com/web:1.0.0")]));
        h.Api.ExpireHistory();
        await h.Api.StartAsync();
        await h.Eventually(() => h.Watcher!.State.Streams.Single(s => s.Stream == "nodes").Relists >= 1, "a relist of nodes after 410 Gone");
        await h.Settled();
        h.Publisher.Published.Count.ShouldBe(before, "a relist that finds nothing new publishes nothing");

        h.Api.Put(Node("node-a", kubeletVersion: "v1.29.7"));
        await h.Eventually(() => h.Publisher.Published.Count == before + 1, "the change after the relist");
        await h.Settled();
        h.Publisher.Published.Count.ShouldBe(before + 1);
        h.Publisher.Published.Last().Message.ShouldBeOfType<NodeObserved>().NodeInfo.KubeletVersion.ShouldBe("v1.29.7");
        h.Api.Watches.ShouldContain(w => w.Resource == ApiResources.Nodes && w.Since != null && w.Since < h.Api.State.ResourceVersion);
    }

    [Fact]
    public async Task a_server_restart_resumes_the_watch_from_the_last_resource_version()
    {
        await using var h = await WatcherHarness.StartAsync();
        await h.Eventually(() => h.Publisher.Of<DrainRiskFound>().Count == 3, "the first publication");
        await h.Settled();
        var before = h.Publisher.Published.Count;
        var lastSeen = h.Api.State.ResourceVersion;

        await h.Api.StopAsync();
        h.Api.Put(Node("node-c", kubeletVersion: "v1.29.8"));
        await h.Api.StartAsync();

        await h.Eventually(() => h.Publisher.Published.Count == before + 1, "the change made while the server was down");
        h.Publisher.Published.Last().Message.ShouldBeOfType<NodeObserved>().Node.ShouldBe("node-c");
        var nodeWatches = h.Api.Watches.Where(w => w.Resource == ApiResources.Nodes).ToList();
        nodeWatches[^1].Since.ShouldNotBeNull("the watch resumed from a resourceVersion instead of starting over");
        nodeWatches[^1].Since!.Value.ShouldBeGreaterThanOrEqualTo(lastSeen, "bookmarks carried the watcher to the newest resourceVersion");
        h.Watcher!.State.Streams.Single(s => s.Stream == "nodes").Relists.ShouldBe(0);
    }

    [Fact]
    public async Task a_malformed_node_is_skipped_and_the_next_valid_change_still_arrives()
    {
        await using var h = await WatcherHarness.StartAsync();
        await h.Eventually(() => h.Publisher.Of<DrainRiskFound>().Count == 3, "the first publication");
        await h.Settled();
        var before = h.Publisher.Published.Count;

        h.Api.State.InjectWatchLine(ApiResources.Nodes, null,
            """{"type":"MODIFIED","object":{"kind":"Node","apiVersion":"v1","metadata":{"name":"node-a","resourceVersion":"not-a-number"},"status":{"allocatable":"lots","nodeInfo":17}}}""");
        h.Api.State.InjectWatchLine(ApiResources.Nodes, null,
            """{"type":"MODIFIED","object":{"kind":"Node","apiVersion":"v1","metadata":{"name":"node-b"},"status":{}}}""");
        h.Api.Put(Node("node-c", kubeletVersion: "v1.29.9"));

        await h.Eventually(() => h.Publisher.Published.Count == before + 1, "the valid change after the malformed ones");
        h.Publisher.Published.Last().Message.ShouldBeOfType<NodeObserved>().NodeInfo.KubeletVersion.ShouldBe("v1.29.9");
        h.Log.Said(LogLevel.Warning, "could not be read").ShouldBeTrue();
        h.Log.Said(LogLevel.Warning, "node node-b has no status.nodeInfo").ShouldBeTrue();
        h.Watcher!.State.Streams.Single(s => s.Stream == "nodes").Reconnects.ShouldBe(0, "a malformed object does not break the watch");
    }

    [Fact]
    public async Task a_restarted_watcher_records_nothing_new_for_an_unchanged_cluster()
    {
        await using var h = await WatcherHarness.StartAsync();
        await h.Eventually(() => h.Publisher.Of<DrainRiskFound>().Count == 3, "the first publication");
        await h.Settled();
        var recorded = (await h.Ledger.ObservationsAsync()).Count;
        await h.StopWatcherAsync();

        h.StartWatcher();
        await h.Eventually(() => h.Publisher.Of<DrainRiskFound>().Count == 6, "the restarted watcher's publication");
        await h.Settled();

        (await h.Ledger.ObservationsAsync()).Count.ShouldBe(recorded, "the ledger already knows everything the new watcher saw");
    }
}
