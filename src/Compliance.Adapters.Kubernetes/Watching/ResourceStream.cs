using Compliance.Adapters.Kubernetes.Model;
using Compliance.Application.Observability;
using k8s;
using Microsoft.Extensions.Logging;

namespace Compliance.Adapters.Kubernetes.Watching;

/// <summary>One page of a list: its items, the list's resourceVersion and the continue token of the next page.</summary>
internal sealed record ListPage<T>(IReadOnlyList<T> Items, string ResourceVersion, string? Continue);

/// <summary>Where a stream's snapshots go (the cluster model).</summary>
internal interface ISnapshotSink<in TSnapshot>
{
    void Replace(IReadOnlyList<TSnapshot> listed);

    void Put(TSnapshot snapshot);

    void Remove(TSnapshot snapshot);
}

/// <summary>How one resource is listed and watched, and how its objects become snapshots.</summary>
internal sealed record ResourceApi<T, TSnapshot>(
    string Name,
    Func<string?, CancellationToken, Task<ListPage<T>>> List,
    Func<string, int, Action<Exception>, CancellationToken, IAsyncEnumerable<(WatchEventType Type, T Object)>> Watch,
    Func<T, string?> ResourceVersionOf,
    Func<T, TSnapshot> Map);

/// <summary>Settings every stream of a watcher shares.</summary>
internal sealed record StreamSettings(TimeSpan RetryInitial, TimeSpan RetryMaximum, int PageSize, string MetricSource);

/// <summary>
/// List then watch, for ever: lists (in pages) into the sink, watches from the list's resourceVersion, resumes a watch
/// that ends from the last resourceVersion seen (events and bookmarks), relists on 410 Gone, backs off with jitter on
/// errors. An object that cannot be read or mapped is logged and skipped.
/// </summary>
internal sealed class ResourceStream<T, TSnapshot>(
    ResourceApi<T, TSnapshot> api,
    ISnapshotSink<TSnapshot> sink,
    ClusterWatchState state,
    StreamSettings settings,
    Action<string> seen,
    Action changed,
    ILogger logger,
    TimeProvider time)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var backoff = new Backoff(settings.RetryInitial, settings.RetryMaximum);
        string? resourceVersion = null;
        state.Starting(api.Name);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (resourceVersion is null)
                {
                    resourceVersion = await ListAsync(ct);
                    WatchLog.Connected(logger, state, api.Name);
                    backoff.Reset();
                }

                var started = time.GetUtcNow();
                var (last, events, gone) = await WatchAsync(resourceVersion, ct);
                resourceVersion = last;
                if (gone)
                {
                    logger.LogInformation("{Stream} of cluster {Cluster}: resourceVersion too old (410 Gone), listing again", api.Name, state.ClusterId);
                    state.Relisted(api.Name);
                    resourceVersion = null;
                    continue;
                }

                state.Resumed(api.Name);
                if (events == 0 && time.GetUtcNow() - started < TimeSpan.FromSeconds(1)) await Task.Delay(backoff.Next(), time, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                ComplianceMetrics.WatchReconnected(settings.MetricSource);
                var delay = backoff.Next();
                if (!WatchLog.Failed(logger, state, api.Name, e, time.GetUtcNow()))
                    logger.LogDebug("{Stream} of cluster {Cluster} failed ({Error}); retrying in {Delay} ms from resourceVersion {ResourceVersion}",
                        api.Name, state.ClusterId, e.Message, (int)delay.TotalMilliseconds, resourceVersion ?? "(relist)");
                try
                {
                    await Task.Delay(delay, time, ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task<string> ListAsync(CancellationToken ct)
    {
        var snapshots = new List<TSnapshot>();
        string? next = null;
        string resourceVersion;
        do
        {
            var page = await api.List(next, ct);
            foreach (var item in page.Items)
            {
                if (TryMap(item, out var snapshot)) snapshots.Add(snapshot);
            }

            next = string.IsNullOrEmpty(page.Continue) ? null : page.Continue;
            resourceVersion = page.ResourceVersion;
        }
        while (next is not null);

        sink.Replace(snapshots);
        seen(resourceVersion);
        changed();
        return resourceVersion;
    }

    private async Task<(string ResourceVersion, int Events, bool Gone)> WatchAsync(string from, CancellationToken ct)
    {
        using var watchEnd = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var gone = false;
        Exception? failure = null;
        var resourceVersion = from;
        var events = 0;
        void OnError(Exception e)
        {
            if (e is KubernetesException { Status.Code: 410 }) gone = true;
            else if (e is KubernetesException) failure = e;
            else
            {
                logger.LogWarning("{Stream} of cluster {Cluster}: skipped an object that could not be read ({Error})", api.Name, state.ClusterId, e.Message);
                return;
            }

            watchEnd.Cancel();
        }

        var timeout = 300 + Random.Shared.Next(300);
        try
        {
            await foreach (var (type, obj) in api.Watch(from, timeout, OnError, watchEnd.Token))
            {
                events++;
                if (obj is null) continue;
                resourceVersion = api.ResourceVersionOf(obj) is { Length: > 0 } rv ? rv : resourceVersion;
                WatchLog.Connected(logger, state, api.Name);
                if (type == WatchEventType.Bookmark) continue;
                if (!TryMap(obj, out var snapshot)) continue;
                if (type == WatchEventType.Deleted) sink.Remove(snapshot);
                else sink.Put(snapshot);
                seen(resourceVersion);
                changed();
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested && (gone || failure is not null))
        {
            // ended on purpose below
        }

        if (failure is not null) throw failure;
        return (resourceVersion, events, gone);
    }

    private bool TryMap(T item, out TSnapshot snapshot)
    {
        try
        {
            snapshot = api.Map(item);
            return true;
        }
        catch (Exception e) when (e is MalformedObjectException or FormatException or InvalidOperationException)
        {
            logger.LogWarning("{Stream} of cluster {Cluster}: skipped a malformed object ({Error})", api.Name, state.ClusterId, e.Message);
            snapshot = default!;
            return false;
        }
    }
}
