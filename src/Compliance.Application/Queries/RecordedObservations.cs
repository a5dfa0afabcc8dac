using Compliance.Application.Ports;
using Compliance.Application.Serialization;
using Compliance.Application.Store;
using Compliance.Domain.Deciders;
using Compliance.Domain.Events;

namespace Compliance.Application.Queries;

/// <summary>
/// <see cref="IRecordedObservations"/> from the ledger itself, not the read models: the cluster's observations stream
/// folded the way <see cref="ObservationDecider"/> folds it, so the answer never lags behind the projections and names
/// exactly what a removal would change.
/// </summary>
public sealed class RecordedObservations(IEventReader ledger, EventSerializer? serializer = null) : IRecordedObservations
{
    private readonly EventSerializer events = serializer ?? EventSerializer.Default;

    public async Task<RecordedPresence> PresentAsync(string clusterId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterId);
        var nodes = new Dictionary<string, long>(StringComparer.Ordinal);
        var addOns = new Dictionary<AddOnKey, long>();
        var risks = new Dictionary<string, long>(StringComparer.Ordinal);
        await foreach (var stored in ledger.ReadStreamAsync(Streams.Observations(clusterId), Direction.Forwards, 0, int.MaxValue, ct))
        {
            switch (events.FromStored(stored))
            {
                case NodeObserved e:
                    nodes[e.Node] = stored.Revision;
                    break;
                case NodeRemoved e:
                    nodes.Remove(e.Node);
                    break;
                case AddOnVersionObserved e:
                    addOns[new AddOnKey(e.Namespace, e.Workload, e.Container)] = stored.Revision;
                    break;
                case AddOnRemoved e:
                    addOns.Remove(new AddOnKey(e.Namespace, e.Workload, e.Container));
                    break;
                case DrainRiskFound e:
                    risks[e.RiskId] = stored.Revision;
                    break;
                case DrainRiskResolved e:
                    risks.Remove(e.RiskId);
                    break;
            }
        }

        return new RecordedPresence(nodes, addOns, risks);
    }
}
