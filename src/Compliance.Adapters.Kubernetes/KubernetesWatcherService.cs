using Compliance.Application.Ports;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Compliance.Adapters.Kubernetes;

/// <summary>The clusters being watched and their watch state (read by the health check).</summary>
public sealed class KubernetesWatchRegistry
{
    private volatile IReadOnlyList<Watching.ClusterWatchState> clusters = [];

    public IReadOnlyList<Watching.ClusterWatchState> Clusters => clusters;

    /// <summary>Why no cluster is watched, when none is.</summary>
    public string? NotWatching { get; internal set; }

    internal void Set(IReadOnlyList<Watching.ClusterWatchState> states) => clusters = states;
}

/// <summary>Runs a <see cref="ClusterWatcher"/> per configured cluster and logs which clusters it watches, or why none.</summary>
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
        catch (Exception e) when (e is k8s.Exceptions.KubeConfigException or IOException or UnauthorizedAccessException)
        {
            registry.NotWatching = $"cannot read the Kubernetes configuration: {e.Message}";
            logger.LogError("Kubernetes watcher not started: {Reason}", registry.NotWatching);
            return;
        }

        if (selection.Targets.Count == 0)
        {
            registry.NotWatching = selection.WhyNone;
            logger.LogInformation("Kubernetes watcher off: {Reason}", selection.WhyNone);
            return;
        }

        if (services.GetService(typeof(IObservationPublisher)) is not IObservationPublisher publisher)
        {
            registry.NotWatching = "no observation publisher is registered (the bus adapter registers one)";
            logger.LogError("Kubernetes watcher not started: {Reason}", registry.NotWatching);
            return;
        }

        var watchers = selection.Targets.Select(t => new ClusterWatcher(t, options.Value, publisher, time, logger)).ToList();
        registry.Set([.. watchers.Select(w => w.State)]);
        foreach (var target in selection.Targets)
            logger.LogInformation("Watching Kubernetes cluster {Cluster} ({Source}) at {Server}", target.ClusterId, target.Source, target.Configuration.Host);
        await Task.WhenAll(watchers.Select(w => w.RunAsync(stoppingToken)));
    }
}
