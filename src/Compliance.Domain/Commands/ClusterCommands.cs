using Compliance.Domain.Policies;
using Compliance.Domain.Versions;
using Environment = Compliance.Domain.Events.Environment;

namespace Compliance.Domain.Commands;

public abstract record ClusterCommand(string ClusterId, string Actor, DateTimeOffset Now) : Command(Actor, Now);

public sealed record RegisterCluster(
    string ClusterId,
    string DisplayName,
    Environment Environment,
    string OwnerTeam,
    Flavour Flavour,
    string? StagingClusterId,
    string Actor,
    DateTimeOffset Now) : ClusterCommand(ClusterId, Actor, Now);

public sealed record SetMaintenancePolicy(string ClusterId, MaintenancePolicy Policy, string Actor, DateTimeOffset Now)
    : ClusterCommand(ClusterId, Actor, Now);
