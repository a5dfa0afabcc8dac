using System.Globalization;
using Compliance.Adapters.Kubernetes.Model;
using Compliance.Application.Ports;
using Compliance.Contracts.Observations;
using Compliance.Application.Catalog;
using Compliance.Domain.Catalog;
using Compliance.Domain.Deciders;

namespace Compliance.Adapters.Kubernetes.Observing;

/// <summary>
/// Publishes a cluster's observations, changes only: per subject (control plane, node, add-on container, drain risk) it
/// keeps a fingerprint of the message last sent, the message's JSON without its instant, and does not send an exact
/// repeat; what counts as a change is the decider's to say (<c>NodeComparison</c>), not this class's. Removals are sent
/// for subjects gone since. Message ids are UUIDv5 over cluster, subject, fingerprint and the resourceVersion the
/// content was seen at, so a redelivery or a repeated publication carries the same id, while a later return to an
/// earlier content gets a new one.
/// </summary>
internal sealed class Publication(string clusterId, IObservationPublisher publisher, TimeProvider time) : IDisposable
{
    public const string Source = "watcher:k8s";

    private readonly Dictionary<string, string> controlPlane = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<AddOnKey, string> addOns = [];
    private readonly Dictionary<string, string> risks = new(StringComparer.Ordinal);
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
            await SendAsync(controlPlane, "", "controlplane", at => new ControlPlaneVersionObserved(clusterId, gitVersion, platform, at, Source), null, ct);
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    /// <summary>
    /// Publishes the complete listing: every node, add-on container and open drain risk sent and not removed since,
    /// with the namespaces add-ons were looked for in. Call it once everything a complete list showed has been
    /// published, so that what was sent is the whole cluster. The id is UUIDv5 of the listing without its instant: the
    /// same cluster at the same resourceVersion lists the same, a later identical one (something came and went in
    /// between) is a new message.
    /// </summary>
    public async Task<ClusterInventoryListed> ListingAsync(IEnumerable<string> addOnNamespaces, long watermark, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(addOnNamespaces);
        await oneAtATime.WaitAsync(ct);
        try
        {
            var listing = new ClusterInventoryListed(
                clusterId,
                [.. nodes.Keys.Order(StringComparer.Ordinal)],
                [.. addOnNamespaces.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                [.. addOns.Keys.OrderBy(k => k.Namespace, StringComparer.Ordinal).ThenBy(k => k.Workload, StringComparer.Ordinal)
                    .ThenBy(k => k.Container, StringComparer.Ordinal).Select(k => new AddOnContainer(k.Namespace, k.Workload, k.Container))],
                [.. risks.Keys.Order(StringComparer.Ordinal)],
                watermark.ToString(CultureInfo.InvariantCulture),
                default,
                Source);
            await publisher.PublishAsync(listing with { ObservedAt = time.GetUtcNow() }, Hashing.MessageId($"{clusterId}|listing|{Hashing.Of(listing)}"), ct);
            Published++;
            return listing;
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    private Task NodeAsync(string name, NodeSnapshot? node, long watermark, CancellationToken ct)
    {
        if (node is null) return RemoveAsync(nodes, name, "node/" + name, watermark, () => new NodeRemoved(clusterId, name, time.GetUtcNow(), Source), ct);
        return SendAsync(nodes, name, "node/" + name,
            at => new NodeObserved(clusterId, name, node.Info, node.Labels, node.Allocatable, node.Unschedulable, node.Annotations, at, Source),
            node.ResourceVersion, ct);
    }

    private Task AddOnAsync(AddOnKey k, (string Image, long SourceVersion)? running, long watermark, CancellationToken ct)
    {
        var subject = $"addon/{k.Namespace}/{k.Workload}/{k.Container}";
        if (running is not { } r)
            return RemoveAsync(addOns, k, subject, watermark, () => new AddOnRemoved(clusterId, k.Namespace, k.Workload, k.Container, time.GetUtcNow(), Source), ct);
        var product = ImageProducts.Of(r.Image, CatalogSnapshot.Embedded.Catalog);
        return SendAsync(addOns, k, subject, at => new AddOnVersionObserved(clusterId, k.Namespace, k.Workload, k.Container, r.Image, product, at, Source),
            r.SourceVersion.ToString(CultureInfo.InvariantCulture), ct);
    }

    private async Task DrainAsync(IReadOnlyList<DrainRisk> found, long watermark, CancellationToken ct)
    {
        var seenAt = watermark.ToString(CultureInfo.InvariantCulture);
        var open = new HashSet<string>(StringComparer.Ordinal);
        foreach (var risk in found)
        {
            open.Add(risk.RiskId);
            await SendAsync(risks, risk.RiskId, "drain/" + risk.RiskId,
                at => new DrainRiskFound(clusterId, risk.RiskId, risk.Kind, risk.Subject, risk.Detail, risk.GracePeriodSeconds, at, Source), seenAt, ct);
        }

        foreach (var riskId in risks.Keys.Where(r => !open.Contains(r)).ToList())
            await RemoveAsync(risks, riskId, "drain/" + riskId, watermark, () => new DrainRiskResolved(clusterId, riskId, time.GetUtcNow(), Source), ct);
    }

    /// <summary>
    /// Sends the message unless it is an exact repeat of the last one sent for the subject. <paramref name="message"/>
    /// builds it for an instant: the fingerprint is taken without one. <paramref name="seenAt"/> null: the
    /// fingerprint alone makes the id.
    /// </summary>
    private async Task SendAsync<TKey, T>(Dictionary<TKey, string> sent, TKey key, string subject, Func<DateTimeOffset, T> message, string? seenAt,
        CancellationToken ct) where TKey : notnull where T : class
    {
        var fingerprint = Hashing.Of(message(default));
        if (sent.TryGetValue(key, out var known) && known == fingerprint) return;
        var name = seenAt is null ? $"{clusterId}|{subject}|{fingerprint}" : $"{clusterId}|{subject}|{fingerprint}|{seenAt}";
        await publisher.PublishAsync(message(time.GetUtcNow()), Hashing.MessageId(name), ct);
        sent[key] = fingerprint;
        Published++;
    }

    private async Task RemoveAsync<TKey, T>(Dictionary<TKey, string> sent, TKey key, string subject, long watermark, Func<T> message, CancellationToken ct)
        where TKey : notnull where T : class
    {
        if (!sent.TryGetValue(key, out var last)) return;
        await publisher.PublishAsync(message(), Hashing.MessageId(string.Create(CultureInfo.InvariantCulture, $"{clusterId}|{subject}|removed|{last}|{watermark}")), ct);
        sent.Remove(key);
        Published++;
    }

    public void Dispose() => oneAtATime.Dispose();
}
