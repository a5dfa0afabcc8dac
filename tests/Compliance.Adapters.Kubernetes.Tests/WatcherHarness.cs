using Compliance.Application.Ports;
using Compliance.Testing.Kubernetes;

namespace Compliance.Adapters.Kubernetes.Tests;

/// <summary>
/// A local API server, a real ledger, and the watcher between them (through the real KubernetesClient and a generated
/// kubeconfig); what the watcher publishes is recorded in the ledger through the command handler, as the bus consumers
/// of <c>compliance serve</c> record it.
/// </summary>
internal sealed class WatcherHarness : IAsyncDisposable
{
    public const string ClusterId = "test-cluster";

    private CancellationTokenSource? stop;
    private Task? running;

    private WatcherHarness(LocalKubernetesApi api, TestLedger ledger)
    {
        Api = api;
        Ledger = ledger;
        Publisher = new LedgerPublisher(ledger.Handler, TimeProvider.System);
    }

    public LocalKubernetesApi Api { get; }

    public TestLedger Ledger { get; }

    public LedgerPublisher Publisher { get; }

    public ListLogger Log { get; } = new();

    public ClusterWatcher? Watcher { get; private set; }

    public static async Task<WatcherHarness> StartAsync(Action<LocalKubernetesApi>? seed = null, bool watch = true)
    {
        var api = await LocalKubernetesApi.StartAsync(bookmarkInterval: TimeSpan.FromMilliseconds(300));
        (seed ?? TestCluster.Seed)(api);
        var harness = new WatcherHarness(api, new TestLedger());
        if (watch) harness.StartWatcher();
        return harness;
    }

    public KubernetesOptions Options => new()
    {
        KubeconfigPath = Api.WriteKubeconfig("kind-test"),
        ClusterIds = new() { ["kind-test"] = ClusterId },
        VersionPollInterval = TimeSpan.FromMilliseconds(200),
        RetryInitial = TimeSpan.FromMilliseconds(100),
        RetryMaximum = TimeSpan.FromMilliseconds(400),
        PageSize = 4,
    };

    /// <summary>Starts a watcher publishing to <paramref name="publisher"/> (default: the ledger).</summary>
    public ClusterWatcher StartWatcher(IObservationPublisher? publisher = null)
    {
        var options = Options;
        var target = ClusterTargets.Resolve(options).Targets.Single();
        Watcher = new ClusterWatcher(target, options, publisher ?? Publisher, TimeProvider.System, Log);
        stop = new CancellationTokenSource();
        running = Watcher.RunAsync(stop.Token);
        return Watcher;
    }

    public async Task StopWatcherAsync()
    {
        if (stop is null || running is null) return;
        await stop.CancelAsync();
        await running;
        stop.Dispose();
        (stop, running) = (null, null);
    }

    /// <summary>Waits until <paramref name="condition"/> holds (the watcher works asynchronously); fails with <paramref name="what"/> after 20 s.</summary>
    public async Task Eventually(Func<bool> condition, string what)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(20); waited += TimeSpan.FromMilliseconds(50))
        {
            if (running is { IsFaulted: true }) await running;
            if (condition()) return;
            await Task.Delay(50);
        }

        condition().ShouldBeTrue($"waited 20 s for: {what}");
    }

    /// <summary>Waits until the watcher has published everything the current cluster state implies and stays quiet for a moment.</summary>
    public async Task Settled()
    {
        var count = -1;
        for (var i = 0; i < 400 && count != Publisher.Published.Count; i++)
        {
            count = Publisher.Published.Count;
            await Task.Delay(300);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopWatcherAsync();
        await Api.DisposeAsync();
        Ledger.Dispose();
    }
}
