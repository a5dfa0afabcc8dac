namespace Compliance.Domain.Events;

/// <summary>Facts of stream <c>observations-{clusterId}</c>: what the watchers saw running.</summary>
public abstract record ObservationEvent(string ClusterId, DateTimeOffset ObservedAt) : DomainEvent;

/// <summary>Every field of a node's <c>status.nodeInfo</c>.</summary>
public sealed record NodeInfo(
    string KubeletVersion,
    string KubeProxyVersion,
    string OsImage,
    string KernelVersion,
    string ContainerRuntimeVersion,
    string Architecture,
    string OperatingSystem,
    string MachineId,
    string SystemUuid,
    string BootId);

public sealed record ControlPlaneVersionObserved(string ClusterId, string GitVersion, string Platform, DateTimeOffset ObservedAt)
    : ObservationEvent(ClusterId, ObservedAt);

public sealed record NodeObserved(
    string ClusterId,
    string Node,
    NodeInfo Info,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Allocatable,
    bool Unschedulable,
    IReadOnlyDictionary<string, string> Annotations,
    DateTimeOffset ObservedAt) : ObservationEvent(ClusterId, ObservedAt);

public sealed record NodeRemoved(string ClusterId, string Node, DateTimeOffset ObservedAt) : ObservationEvent(ClusterId, ObservedAt);

/// <summary>A container image of a system pod, mapped to an add-on product (empty product when the image is not mapped).</summary>
public sealed record AddOnVersionObserved(
    string ClusterId,
    string Namespace,
    string Workload,
    string Container,
    string Image,
    string Product,
    DateTimeOffset ObservedAt) : ObservationEvent(ClusterId, ObservedAt);

public sealed record AddOnRemoved(string ClusterId, string Namespace, string Workload, string Container, DateTimeOffset ObservedAt)
    : ObservationEvent(ClusterId, ObservedAt);

public enum DrainRiskKind
{
    SingleReplica,
    ReplicasOnOneNode,
    NoSpreadOrAntiAffinity,
    LongGracePeriod,
    PdbAllowsNoDisruption,
    InsufficientSpareCapacity,
}

/// <summary>A drain-readiness risk (DOMAIN.md "Drain readiness"); RiskId is stable for the same kind and subject.</summary>
public sealed record DrainRiskFound(
    string ClusterId,
    string RiskId,
    DrainRiskKind Kind,
    string Subject,
    string Detail,
    int? GracePeriodSeconds,
    DateTimeOffset ObservedAt) : ObservationEvent(ClusterId, ObservedAt);

public sealed record DrainRiskResolved(string ClusterId, string RiskId, DateTimeOffset ObservedAt) : ObservationEvent(ClusterId, ObservedAt);
