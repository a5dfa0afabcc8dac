using Compliance.Adapters.Kubernetes.Model;
using Compliance.Application.Ports;
using Compliance.Contracts.Observations;
using Compliance.Domain.Deciders;

namespace Compliance.Adapters.Kubernetes.Observing;

/// <summary>What disappeared while no watcher ran: subjects the ledger holds as present that a complete list no longer shows.</summary>
internal sealed partial class Publication
{
    /// <summary>
    /// Publishes NodeRemoved, AddOnRemoved and DrainRiskResolved for each subject <paramref name="recorded"/> holds as
    /// present that this publication does not hold (call it only once everything a complete list showed is published,
    /// so that what is held is the whole cluster). Add-ons are compared only in the namespaces the watcher observes:
    /// others were not looked at. Message ids derive from the revision that last recorded the subject, so deriving the
    /// same removal again (a second restart before it was recorded, a redelivery) gives the same id.
    /// </summary>
    /// <returns>How many nodes, add-on containers and drain risks were published as gone.</returns>
    public async Task<(int Nodes, int AddOns, int Risks)> PublishGoneAsync(RecordedPresence recorded, IReadOnlySet<string> addOnNamespaces, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        await oneAtATime.WaitAsync(ct);
        try
        {
            var nodes = 0;
            foreach (var (name, revision) in recorded.Nodes.OrderBy(n => n.Key, StringComparer.Ordinal))
            {
                if (await GoneAsync(NodeKey(name), revision, () => new NodeRemoved(clusterId, name, time.GetUtcNow(), Source), ct)) nodes++;
            }

            var addOns = 0;
            foreach (var (k, revision) in recorded.AddOns.Where(a => addOnNamespaces.Contains(a.Key.Namespace))
                .OrderBy(a => a.Key.Namespace, StringComparer.Ordinal).ThenBy(a => a.Key.Workload, StringComparer.Ordinal).ThenBy(a => a.Key.Container, StringComparer.Ordinal))
            {
                if (await GoneAsync(AddOnKeyOf(k), revision,
                    () => new AddOnRemoved(clusterId, k.Namespace, k.Workload, k.Container, time.GetUtcNow(), Source), ct)) addOns++;
            }

            var risks = 0;
            foreach (var (riskId, revision) in recorded.OpenRisks.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                if (await GoneAsync(DrainKey(riskId), revision, () => new DrainRiskResolved(clusterId, riskId, time.GetUtcNow(), Source), ct)) risks++;
            }

            return (nodes, addOns, risks);
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    private async Task<bool> GoneAsync<T>(string key, long recordedAt, Func<T> message, CancellationToken ct) where T : class
    {
        if (published.ContainsKey(key)) return false;
        var id = Hashing.MessageId(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{clusterId}|{key}|gone-unwatched|{recordedAt}"));
        await publisher.PublishAsync(message(), id, ct);
        Published++;
        return true;
    }
}
