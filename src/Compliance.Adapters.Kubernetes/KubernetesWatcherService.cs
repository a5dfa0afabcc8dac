using System.Collections.Concurrent;
using Compliance.Application.Ports;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Compliance.Adapters.Kubernetes;

/// <summary>The clusters being watched, the configured ones that cannot be, and their watch state (read by the health check).</summary>
public sealed class KubernetesWatchRegistry
{
    private readonly ConcurrentDictionary<string, UnavailableCluster> unavailable = new(StringComparer.Ordinal);
    private volatile IReadOnlyList<Watching.ClusterWatchState> clusters = [];

    public IReadOnlyList<Watching.ClusterWatchState> Clusters => clusters;

    /// <summary>Configured clusters that are not watched: a context missing or unreadable, or a watch that stopped.</summary>
    public IReadOnlyList<UnavailableCluster> Unavailable => [.. unavailable.Values.OrderBy(u => u.ClusterId, StringComparer.Ordinal)];

    /// <summary>Why no cluster is watched, when none is.</summary>
    public string? NotWatching { get; internal set; }

    /// <summary>True when clusters were configured but the configuration could not be read, so none is watched.</summary>
    public bool ConfigurationFailed { get; internal set; }

    internal void Set(IReadOnlyList<Watching.ClusterWatchState> states) => clusters = states;

    internal void MarkUnavailable(UnavailableCluster cluster) => unavailable[cluster.ClusterId] = cluster;
}

/// <summary>
/// Runs a <see cref="ClusterWatcher"/> per configured cluster and logs which clusters it watches, which it cannot (each
/// named, the others watched all the same), or why none.
/// </summary>
internal sealed class KubernetesWatcherService(
    IOptions<KubernetesOptions> options,
    IServiceProvider services,
    KubernetesWatchRegistry registry,
    TimeProvider time,
    ILogger<KubernetesWatcherService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        ClusterSelection selection;
        try
        {
            selection = ClusterTargets.Resolve(options.Value);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            registry.NotWatching = $"cannot read the Kubernetes configuration: {e.Message}";
            registry.ConfigurationFailed = true;
            logger.LogError("Kubernetes watcher not started: {Reason}", registry.NotWatching);
            return;
        }

        foreach (var missing in selection.Unavailable)
        {
            registry.MarkUnavailable(missing);
            logger.LogError("Kubernetes cluster {Cluster} is not watched: {Reason}", missing.ClusterId, missing.Reason);
        }

        if (selection.Targets.Count == 0)
        {
            registry.NotWatching = selection.WhyNone ?? "no configured cluster can be watched";
            if (selection.WhyNone is not null) logger.LogInformation("Kubernetes watcher off: {Reason}", selection.WhyNone);
            return;
        }

        if (services.GetService(typeof(IObservationPublisher)) is not IObservationPublisher publisher)
        {
            registry.NotWatching = "no observation publisher is registered (the bus adapter registers one)";
            registry.ConfigurationFailed = true;
            logger.LogError("Kubernetes watcher not started: {Reason}", registry.NotWatching);
            return;
        }

        var watchers = selection.Targets.Select(t => new ClusterWatcher(t, options.Value, publisher, time, logger)).ToList();
        registry.Set([.. watchers.Select(w => w.State)]);
        foreach (var target in selection.Targets)
            logger.LogInformation("Watching Kubernetes cluster {Cluster} ({Source}) at {Server}", target.ClusterId, target.Source, target.Configuration.Host);
        await Task.WhenAll(watchers.Select(w => RunAsync(w, stoppingToken)));
    }

    /// <summary>One cluster's watch; if it stops on an error the cluster is named as not watched and the others go on.</summary>
    private async Task RunAsync(ClusterWatcher watcher, CancellationToken ct)
    {
        try
        {
            await watcher.RunAsync(ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            registry.MarkUnavailable(new(watcher.State.ClusterId, watcher.State.Source, $"the watch stopped: {e.Message}"));
            logger.LogError("Kubernetes cluster {Cluster} is not watched any more: the watch stopped ({Error})", watcher.State.ClusterId, e.Message);
        }
    }
}
