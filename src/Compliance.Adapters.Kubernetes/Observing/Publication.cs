using Compliance.Adapters.Kubernetes.Model;
using Compliance.Application.Ports;
using Compliance.Contracts.Observations;
using Compliance.Application.Catalog;
using Compliance.Domain.Catalog;
using Compliance.Domain.Deciders;

namespace Compliance.Adapters.Kubernetes.Observing;

/// <summary>
/// Publishes a cluster's observations, changes only: it keeps the content hash last published per subject (node, add-on
/// container, drain risk, control plane) and publishes when it differs, or the removal when the subject is gone. Message
/// ids are UUIDv5 over cluster, subject, content hash and the resourceVersion the content was seen at, so a redelivery
/// or a repeated publication carries the same id, while a later return to an earlier content gets a new one.
/// </summary>
internal sealed partial class Publication(string clusterId, IObservationPublisher publisher, TimeProvider time) : IDisposable
{
    public const string Source = "watcher:k8s";

    private const string DrainPrefix = "drain/";

    private readonly Dictionary<string, string> published = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    /// <summary>Observations published since start.</summary>
    public long Published { get; private set; }

    public async Task PublishAsync(ModelChanges changes, CancellationToken ct)
    {
        await oneAtATime.WaitAsync(ct);
        try
        {
            foreach (var (name, node) in changes.Nodes) await NodeAsync(name, node, changes.Watermark, ct);
            foreach (var (key, running) in changes.AddOns) await AddOnAsync(key, running, changes.Watermark, ct);
            if (changes.Drain is { } drain) await DrainAsync(DrainRules.Evaluate(drain), changes.Watermark, ct);
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    public async Task ControlPlaneAsync(string gitVersion, string platform, CancellationToken ct)
    {
        await oneAtATime.WaitAsync(ct);
        try
        {
            var hash = Hashing.Of(gitVersion, platform);
            await SendAsync("controlplane", hash, hash, new ControlPlaneVersionObserved(clusterId, gitVersion, platform, time.GetUtcNow(), Source), ct);
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    private Task NodeAsync(string name, NodeSnapshot? node, long watermark, CancellationToken ct)
    {
        var key = NodeKey(name);
        if (node is null) return RemoveAsync(key, watermark, () => new NodeRemoved(clusterId, name, time.GetUtcNow(), Source), ct);
        var message = new NodeObserved(clusterId, name, node.Info, node.Labels, node.Allocatable, node.Unschedulable, node.Annotations, time.GetUtcNow(), Source);
        return SendAsync(key, node.ContentHash, node.ResourceVersion, message, ct);
    }

    private Task AddOnAsync(AddOnKey k, (string Image, long SourceVersion)? running, long watermark, CancellationToken ct)
    {
        var key = AddOnKeyOf(k);
        if (running is not { } r)
            return RemoveAsync(key, watermark, () => new AddOnRemoved(clusterId, k.Namespace, k.Workload, k.Container, time.GetUtcNow(), Source), ct);
        var product = ImageProducts.Of(r.Image, CatalogSnapshot.Embedded.Catalog);
        var message = new AddOnVersionObserved(clusterId, k.Namespace, k.Workload, k.Container, r.Image, product, time.GetUtcNow(), Source);
        return SendAsync(key, Hashing.Of(r.Image, product), r.SourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), message, ct);
    }

    private async Task DrainAsync(IReadOnlyList<DrainRisk> risks, long watermark, CancellationToken ct)
    {
        var open = new HashSet<string>(StringComparer.Ordinal);
        foreach (var risk in risks)
        {
            var key = DrainKey(risk.RiskId);
            open.Add(key);
            var hash = Hashing.Of(risk.Kind, risk.Subject, risk.Detail, risk.GracePeriodSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "");
            var message = new DrainRiskFound(clusterId, risk.RiskId, risk.Kind, risk.Subject, risk.Detail, risk.GracePeriodSeconds, time.GetUtcNow(), Source);
            await SendAsync(key, hash, watermark.ToString(System.Globalization.CultureInfo.InvariantCulture), message, ct);
        }

        foreach (var key in published.Keys.Where(k => k.StartsWith(DrainPrefix, StringComparison.Ordinal) && !open.Contains(k)).ToList())
        {
            var riskId = key[DrainPrefix.Length..];
            await RemoveAsync(key, watermark, () => new DrainRiskResolved(clusterId, riskId, time.GetUtcNow(), Source), ct);
        }
    }

    private async Task SendAsync<T>(string key, string hash, string seenAt, T message, CancellationToken ct) where T : class
    {
        if (published.TryGetValue(key, out var known) && known == hash) return;
        await publisher.PublishAsync(message, Hashing.MessageId($"{clusterId}|{key}|{hash}|{seenAt}"), ct);
        published[key] = hash;
        Published++;
    }

    private async Task RemoveAsync<T>(string key, long watermark, Func<T> message, CancellationToken ct) where T : class
    {
        if (!published.TryGetValue(key, out var last)) return;
        await publisher.PublishAsync(message(), Hashing.MessageId($"{clusterId}|{key}|removed|{last}|{watermark}"), ct);
        published.Remove(key);
        Published++;
    }

    // The subject keys of `published`; what a restart finds gone is looked up under the same keys.
    private static string NodeKey(string name) => "node/" + name;

    private static string AddOnKeyOf(AddOnKey k) => $"addon/{k.Namespace}/{k.Workload}/{k.Container}";

    private static string DrainKey(string riskId) => DrainPrefix + riskId;

    public void Dispose() => oneAtATime.Dispose();
}
