using Compliance.Domain.Policies;
using Compliance.Domain.Versions;

namespace Compliance.Domain.Events;

/// <summary>Facts of stream <c>cluster-{id}</c>: what the cluster is and what was promised for it.</summary>
public abstract record ClusterEvent(string ClusterId) : DomainEvent;

public sealed record ClusterRegistered(
    string ClusterId,
    string DisplayName,
    Environment Environment,
    string OwnerTeam,
    Flavour Flavour,
    string? StagingClusterId,
    DateTimeOffset At) : ClusterEvent(ClusterId);

public sealed record MaintenancePolicySet(string ClusterId, MaintenancePolicy Policy, DateTimeOffset At)
    : ClusterEvent(ClusterId);
