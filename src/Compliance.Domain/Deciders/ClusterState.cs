using Compliance.Domain.Events;
using Compliance.Domain.Policies;

namespace Compliance.Domain.Deciders;

/// <summary>What the <c>cluster-{id}</c> stream knows: nothing yet, or the registration and the current policy.</summary>
public abstract record ClusterState
{
    private ClusterState()
    {
    }

    public sealed record Unregistered : ClusterState;

    /// <param name="Registration">The registration as recorded.</param>
    /// <param name="Policy">The policy in force; null until one is set (verdicts then use <see cref="MaintenancePolicy.Default"/>).</param>
    public sealed record Registered(ClusterRegistered Registration, MaintenancePolicy? Policy) : ClusterState;
}
