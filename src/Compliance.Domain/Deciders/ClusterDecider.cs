using Compliance.Domain.Commands;
using Compliance.Domain.Events;
using Environment = Compliance.Domain.Events.Environment;

namespace Compliance.Domain.Deciders;

/// <summary>Decides commands on stream <c>cluster-{id}</c>: registration and the maintenance policy.</summary>
public static class ClusterDecider
{
    public static ClusterState Initial { get; } = new ClusterState.Unregistered();

    public static Decision Decide(ClusterCommand command, ClusterState state)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Rules.IsBlank(command.Actor)) return Decision.Reject("actor is required: every command names who asks");
        return (command, state) switch
        {
            (RegisterCluster register, ClusterState.Unregistered) => Register(register),
            (RegisterCluster register, ClusterState.Registered registered) => RegisterAgain(register, registered.Registration),
            (SetMaintenancePolicy set, ClusterState.Registered registered) => SetPolicy(set, registered),
            (SetMaintenancePolicy set, _) => Decision.Reject($"cluster '{set.ClusterId}' is not registered: register it before setting its policy"),
            _ => throw new InvalidOperationException($"{command.GetType().Name} is not handled on {state.GetType().Name}"),
        };
    }

    public static ClusterState Evolve(ClusterState state, DomainEvent @event) => (state, @event) switch
    {
        (_, ClusterRegistered registered) => new ClusterState.Registered(registered, (state as ClusterState.Registered)?.Policy),
        (ClusterState.Registered registered, MaintenancePolicySet set) => registered with { Policy = set.Policy },
        _ => state,
    };

    private static Decision Register(RegisterCluster command)
    {
        if (!Rules.IsSlug(command.ClusterId))
        {
            return Decision.Reject(
                $"cluster id '{command.ClusterId}' must be a DNS label: 1-63 lowercase letters, digits or '-', starting and ending with a letter or digit");
        }
        if (Rules.IsBlank(command.DisplayName)) return Decision.Reject("display name is required");
        if (Rules.IsBlank(command.OwnerTeam)) return Decision.Reject("owner team is required");
        if (command.StagingClusterId is not null)
        {
            if (command.Environment != Environment.Production)
            {
                return Decision.Reject(
                    $"only a production cluster may name a staging cluster; '{command.ClusterId}' is {command.Environment} and names '{command.StagingClusterId}'");
            }
            if (!Rules.IsSlug(command.StagingClusterId)) return Decision.Reject($"staging cluster id '{command.StagingClusterId}' is not a valid cluster id");
            if (command.StagingClusterId == command.ClusterId) return Decision.Reject("a cluster cannot be its own staging cluster");
        }
        return Decision.Accept(new ClusterRegistered(
            command.ClusterId,
            command.DisplayName.Trim(),
            command.Environment,
            command.OwnerTeam.Trim(),
            command.Flavour,
            command.StagingClusterId,
            command.Now));
    }

    private static Decision RegisterAgain(RegisterCluster command, ClusterRegistered existing)
    {
        var same = (command.DisplayName ?? "").Trim() == existing.DisplayName
            && command.Environment == existing.Environment
            && (command.OwnerTeam ?? "").Trim() == existing.OwnerTeam
            && command.Flavour == existing.Flavour
            && command.StagingClusterId == existing.StagingClusterId;
        return same
            ? Decision.Unchanged
            : Decision.Reject(
                $"cluster '{existing.ClusterId}' is already registered as '{existing.DisplayName}' ({existing.Environment}, {existing.Flavour}, " +
                $"owner {existing.OwnerTeam}, staging {existing.StagingClusterId ?? "none"})");
    }

    private static Decision SetPolicy(SetMaintenancePolicy command, ClusterState.Registered state)
    {
        if (state.Policy == command.Policy) return Decision.Unchanged;
        var problem = PolicyValidation.Problem(command.Policy);
        return problem is null
            ? Decision.Accept(new MaintenancePolicySet(command.ClusterId, command.Policy, command.Now))
            : Decision.Reject($"maintenance policy for '{command.ClusterId}' rejected: {problem}");
    }
}
