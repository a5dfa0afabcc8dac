using Compliance.Domain.Events;

namespace Compliance.Application.Serialization;

/// <summary>
/// The explicit map between domain event types and the names they are stored under ("V1.ClusterRegistered").
/// Stored names never derive from CLR names, so renaming or moving a record cannot orphan the ledger.
/// Only the current version of each event is mapped; older stored versions reach it through <see cref="EventUpcasters"/>.
/// </summary>
public sealed class EventTypeMap
{
    private readonly Dictionary<Type, (string Name, int SchemaVersion)> _byType = [];
    private readonly Dictionary<string, Type> _byName = new(StringComparer.Ordinal);

    /// <summary>Every event in Compliance.Domain.Events under its current stored name.</summary>
    public static EventTypeMap Default { get; } = new EventTypeMap()
        // cluster-{id}
        .Add<ClusterRegistered>("V1.ClusterRegistered", 1)
        .Add<MaintenancePolicySet>("V1.MaintenancePolicySet", 1)
        // catalog-{product}
        .Add<ReleaseCycleRecorded>("V1.ReleaseCycleRecorded", 1)
        .Add<PatchReleased>("V1.PatchReleased", 1)
        .Add<VulnerabilityPublished>("V1.VulnerabilityPublished", 1)
        // maintenance-{clusterId}
        .Add<MaintenanceWindowScheduled>("V1.MaintenanceWindowScheduled", 1)
        .Add<MaintenanceAnnounced>("V1.MaintenanceAnnounced", 1)
        .Add<MaintenanceStarted>("V1.MaintenanceStarted", 1)
        .Add<ComponentUpgraded>("V1.ComponentUpgraded", 1)
        .Add<NodeDrained>("V1.NodeDrained", 1)
        .Add<MaintenanceCompleted>("V1.MaintenanceCompleted", 1)
        .Add<MaintenanceAborted>("V1.MaintenanceAborted", 1)
        .Add<RetrospectiveRecorded>("V1.RetrospectiveRecorded", 1)
        .Add<EmergencyPatchRecorded>("V1.EmergencyPatchRecorded", 1)
        // exceptions-{clusterId}
        .Add<ExceptionRequested>("V1.ExceptionRequested", 1)
        .Add<ExceptionApproved>("V1.ExceptionApproved", 1)
        .Add<ExceptionRejected>("V1.ExceptionRejected", 1)
        // observations-{clusterId}
        .Add<ControlPlaneVersionObserved>("V1.ControlPlaneVersionObserved", 1)
        .Add<NodeObserved>("V1.NodeObserved", 1)
        .Add<NodeRemoved>("V1.NodeRemoved", 1)
        .Add<AddOnVersionObserved>("V1.AddOnVersionObserved", 1)
        .Add<AddOnRemoved>("V1.AddOnRemoved", 1)
        .Add<DrainRiskFound>("V1.DrainRiskFound", 1)
        .Add<DrainRiskResolved>("V1.DrainRiskResolved", 1)
        // reports
        .Add<ReportIssued>("V1.ReportIssued", 1)
        // ledger-checkpoints
        .Add<LedgerCheckpointed>("V1.LedgerCheckpointed", 1);

    public IReadOnlyCollection<Type> Types => _byType.Keys;

    public EventTypeMap Add<TEvent>(string name, int schemaVersion) where TEvent : DomainEvent
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(schemaVersion, 1);
        if (_byType.ContainsKey(typeof(TEvent)) || _byName.ContainsKey(name))
        {
            throw new ArgumentException($"{typeof(TEvent).Name} or '{name}' is already mapped.", nameof(name));
        }

        _byType.Add(typeof(TEvent), (name, schemaVersion));
        _byName.Add(name, typeof(TEvent));
        return this;
    }

    public (string Name, int SchemaVersion) NameOf(Type eventType) =>
        _byType.TryGetValue(eventType, out var entry)
            ? entry
            : throw new InvalidOperationException($"Event type {eventType.FullName} has no stored name in the event type map.");

    public bool TryGetType(string name, out Type type) => _byName.TryGetValue(name, out type!);
}
