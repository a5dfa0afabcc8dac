using System.Threading.Channels;
using Compliance.Adapters.Kubernetes.Model;
using Compliance.Adapters.Kubernetes.Observing;
using Compliance.Adapters.Kubernetes.Watching;
using Compliance.Application.Observability;
using Compliance.Application.Ports;
using k8s;
using Microsoft.Extensions.Logging;

namespace Compliance.Adapters.Kubernetes;

/// <summary>
/// Watches one cluster: the control-plane version (polled), nodes, pods, Deployments, StatefulSets and
/// PodDisruptionBudgets (list then watch), and Cluster API objects where their groups are served; publishes what
/// changed (nodes, add-on containers, drain risks) after each batch of changes. Once every stream has been listed and
/// published, it publishes the complete listing once, so that whoever records it (the observation decider) finds what
/// disappeared while no watcher ran; the watcher itself needs no ledger.
/// </summary>
internal sealed partial class ClusterWatcher(
    ClusterTarget target,
    KubernetesOptions options,
    IObservationPublisher publisher,
    TimeProvider time,
    ILogger logger)
{
    private readonly Channel<bool> signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ClusterModel model = new(options.AddOnNamespaces.ToHashSet(StringComparer.Ordinal));

    public ClusterWatchState State { get; } = new(target.ClusterId, target.Source);

    public async Task RunAsync(CancellationToken ct)
    {
        using var kube = new k8s.Kubernetes(target.Configuration);
        using var publication = new Publication(target.ClusterId, publisher, time);
        var settings = new StreamSettings(options.RetryInitial, options.RetryMaximum, options.PageSize, $"kubernetes/{target.ClusterId}");
        var tasks = new List<Task>
        {
            PublishLoopAsync(publication, ct),
            VersionLoopAsync(kube, publication, ct),
            Stream(kube, Resources.Nodes, new SnapshotSink<NodeSnapshot>(model.ReplaceNodes, model.PutNode, n => model.RemoveNode(n.Name)), settings, ct),
            Stream(kube, Resources.Pods, new SnapshotSink<PodSnapshot>(model.ReplacePods, model.PutPod, p => model.RemovePod(p.Namespace, p.Name)), settings, ct),
            Stream(kube, Resources.Deployments, WorkloadSink("Deployment"), settings, ct),
            Stream(kube, Resources.StatefulSets, WorkloadSink("StatefulSet"), settings, ct),
            Stream(kube, Resources.PodDisruptionBudgets, new SnapshotSink<PdbSnapshot>(model.ReplacePdbs, model.PutPdb, p => model.RemovePdb(p.Namespace, p.Name)), settings, ct),
            ClusterApiAsync(kube, settings, ct),
        };
        await Task.WhenAll(tasks);
    }

    private SnapshotSink<WorkloadSnapshot> WorkloadSink(string kind) =>
        new(listed => model.ReplaceWorkloads(kind, listed), model.PutWorkload, w => model.RemoveWorkload(w.Kind, w.Namespace, w.Name));

    /// <summary>Lists then watches one resource into its sink, for ever (see <see cref="ResourceStream{T, TSnapshot}"/>).</summary>
    private Task Stream<T, TSnapshot>(IKubernetes kube, WatchedResource<T, TSnapshot> resource, ISnapshotSink<TSnapshot> sink, StreamSettings settings, CancellationToken ct) =>
        new ResourceStream<T, TSnapshot>(resource.On(kube, options.PageSize), sink, State, settings, model.SeeVersion, () => signal.Writer.TryWrite(true), logger, time)
            .RunAsync(ct);

    /// <summary>
    /// Publishes what changed whenever a stream signals; on a failed publication retries everything not yet published.
    /// After the first publication of a completely listed cluster, publishes the listing once.
    /// </summary>
    private async Task PublishLoopAsync(Publication publication, CancellationToken ct)
    {
        var backoff = new Backoff(options.RetryInitial, options.RetryMaximum);
        var listed = false;
        var failing = false;
        try
        {
            while (await signal.Reader.WaitToReadAsync(ct))
            {
                signal.Reader.TryRead(out _);
                try
                {
                    var changes = model.TakeChanges();
                    await publication.PublishAsync(changes, ct);
                    if (!listed && changes.Complete)
                    {
                        await PublishListingAsync(publication, changes.Watermark, ct);
                        listed = true;
                    }

                    backoff.Reset();
                    if (failing) logger.LogInformation("Observations of cluster {Cluster} are published again", target.ClusterId);
                    failing = false;
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    var delay = backoff.Next();
                    // One warning when publishing starts failing; each retry after it at Debug.
                    logger.Log(failing ? LogLevel.Debug : LogLevel.Warning, "Publishing observations of cluster {Cluster} failed ({Error}); retrying in {Delay} ms",
                        target.ClusterId, e.Message, (int)delay.TotalMilliseconds);
                    failing = true;
                    model.MarkAllDirty();
                    await Task.Delay(delay, time, ct);
                    signal.Writer.TryWrite(true);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // stopping
        }
    }

    private async Task PublishListingAsync(Publication publication, long watermark, CancellationToken ct)
    {
        var listing = await publication.ListingAsync(options.AddOnNamespaces, watermark, ct);
        logger.LogInformation(
            "Cluster {Cluster} listed completely: {Nodes} nodes, {AddOns} add-on containers in {Namespaces} namespaces and {Risks} open drain risks; published the listing, so that what the ledger holds and the cluster no longer has is recorded as gone",
            target.ClusterId, listing.Nodes.Count, listing.AddOns.Count, listing.AddOnNamespaces.Count, listing.OpenDrainRisks.Count);
    }

    /// <summary>Polls <c>GET /version</c> every VersionPollInterval (sooner, with backoff, after a failure).</summary>
    private async Task VersionLoopAsync(IKubernetes kube, Publication publication, CancellationToken ct)
    {
        const string stream = "version";
        var backoff = new Backoff(options.RetryInitial, options.RetryMaximum);
        State.Starting(stream);
        while (!ct.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                var version = await kube.Version.GetCodeAsync(ct);
                WatchLog.Connected(logger, State, stream);
                await publication.ControlPlaneAsync(version.GitVersion ?? "", version.Platform ?? "", ct);
                backoff.Reset();
                wait = options.VersionPollInterval;
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                ComplianceMetrics.WatchReconnected($"kubernetes/{target.ClusterId}");
                wait = backoff.Next();
                if (!WatchLog.Failed(logger, State, stream, e, time.GetUtcNow()))
                    logger.LogDebug("GET /version of cluster {Cluster} failed ({Error}); retrying in {Delay} ms", target.ClusterId, e.Message, (int)wait.TotalMilliseconds);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await Task.Delay(wait, time, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
