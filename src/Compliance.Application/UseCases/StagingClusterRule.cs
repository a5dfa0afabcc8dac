using Compliance.Application.Serialization;
using Compliance.Application.Store;
using Compliance.Domain.Deciders;
using Compliance.Domain.Events;
using Environment = Compliance.Domain.Events.Environment;

namespace Compliance.Application.UseCases;

/// <summary>
/// The one rule about a production cluster's staging cluster that needs the ledger: it must be registered, and as a
/// staging cluster (its changes are soaked there first). Read from the ledger, not the read models, so a staging cluster
/// registered a moment ago counts before the projections have caught up.
/// </summary>
internal sealed class StagingClusterRule(IEventReader ledger)
{
    public async Task<Problem?> ProblemAsync(string? stagingClusterId, CancellationToken ct)
    {
        if (stagingClusterId is null) return null;
        var registration = await RegistrationAsync(stagingClusterId, ct);
        if (registration is null)
            return Problem.Invalid("stagingClusterId", $"staging cluster '{stagingClusterId}' is not registered; register it as a staging cluster first");
        return registration.Environment == Environment.Staging
            ? null
            : Problem.Invalid("stagingClusterId", $"'{stagingClusterId}' is a {registration.Environment.ToString().ToLowerInvariant()} cluster, not a staging cluster");
    }

    private async Task<ClusterRegistered?> RegistrationAsync(string clusterId, CancellationToken ct)
    {
        await foreach (var stored in ledger.ReadStreamAsync(Streams.Cluster(clusterId), Direction.Forwards, 0, 16, ct))
        {
            if (EventSerializer.Default.FromStored(stored) is ClusterRegistered registration) return registration;
        }

        return null;
    }
}
