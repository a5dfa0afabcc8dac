using System.Text.Json;
using Compliance.Application.Ports;
using Compliance.Application.Serialization;
using Compliance.Application.Store;
using Compliance.Domain.Deciders;
using Compliance.Domain.Events;

namespace Compliance.Application.Queries;

/// <summary>
/// <see cref="IRecordedObservations"/> from the ledger itself, not the read models: the cluster's observations stream
/// folded the way <see cref="ObservationDecider"/> folds presence, so the answer never lags behind the projections and
/// names exactly what a removal would change. Events stored in their current shape are read for their names only (node,
/// add-on container, risk id), without the rest of their content; older shapes go through the upcasters.
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
            var (type, names) = Read(stored);
            if (type == typeof(NodeObserved)) nodes[names.Node!] = stored.Revision;
            else if (type == typeof(NodeRemoved)) nodes.Remove(names.Node!);
            else if (type == typeof(AddOnVersionObserved)) addOns[names.AddOn] = stored.Revision;
            else if (type == typeof(AddOnRemoved)) addOns.Remove(names.AddOn);
            else if (type == typeof(DrainRiskFound)) risks[names.RiskId!] = stored.Revision;
            else if (type == typeof(DrainRiskResolved)) risks.Remove(names.RiskId!);
        }

        return new RecordedPresence(nodes, addOns, risks);
    }

    private static readonly HashSet<Type> Tracked =
        [typeof(NodeObserved), typeof(NodeRemoved), typeof(AddOnVersionObserved), typeof(AddOnRemoved), typeof(DrainRiskFound), typeof(DrainRiskResolved)];

    /// <summary>The event's type and the names that identify its subject; other types are not read at all.</summary>
    private (Type? Type, SubjectNames Names) Read(StoredEvent stored)
    {
        if (events.Types.TryGetType(stored.Type, out var current))
        {
            if (!Tracked.Contains(current)) return (null, SubjectNames.None);
            var names = JsonSerializer.Deserialize<SubjectNames>(stored.Json, EventJson.Options);
            var complete = names is not null && (current == typeof(NodeObserved) || current == typeof(NodeRemoved) ? names.Node is not null
                : current == typeof(DrainRiskFound) || current == typeof(DrainRiskResolved) ? names.RiskId is not null
                : names.Namespace is not null && names.Workload is not null && names.Container is not null);
            return complete ? (current, names!) : throw new JsonException($"Event at position {stored.Position} ('{stored.Type}') does not name its subject.");
        }

        return events.FromStored(stored) switch
        {
            NodeObserved e => (typeof(NodeObserved), SubjectNames.None with { Node = e.Node }),
            NodeRemoved e => (typeof(NodeRemoved), SubjectNames.None with { Node = e.Node }),
            AddOnVersionObserved e => (typeof(AddOnVersionObserved), new SubjectNames(null, e.Namespace, e.Workload, e.Container, null)),
            AddOnRemoved e => (typeof(AddOnRemoved), new SubjectNames(null, e.Namespace, e.Workload, e.Container, null)),
            DrainRiskFound e => (typeof(DrainRiskFound), SubjectNames.None with { RiskId = e.RiskId }),
            DrainRiskResolved e => (typeof(DrainRiskResolved), SubjectNames.None with { RiskId = e.RiskId }),
            _ => (null, SubjectNames.None),
        };
    }

    /// <summary>The identifying properties of the observation events, under the names they are stored with.</summary>
    private sealed record SubjectNames(string? Node, string? Namespace, string? Workload, string? Container, string? RiskId)
    {
        public static SubjectNames None { get; } = new(null, null, null, null, null);

        public AddOnKey AddOn => new(Namespace!, Workload!, Container!);
    }
}
