using Grpc.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Compliance.Adapters.EventStoreDb.Hosting;

/// <summary>
/// Ready only while EventStoreDB answers: reads the head of the ledger (retried with backoff by the store). An
/// unreachable server makes /health/ready unhealthy with the server's address and the gRPC status, never a silent pass.
/// </summary>
internal sealed class EventStoreDbHealthCheck(EventStoreDbEventStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var address = store.Node;
        try
        {
            var (position, _) = await store.ReadHeadAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"EventStoreDB at {address} answers; ledger head at {position}",
                new Dictionary<string, object> { ["server"] = address, ["head"] = position });
        }
        catch (RpcException e)
        {
            return HealthCheckResult.Unhealthy($"EventStoreDB at {address} does not answer ({e.StatusCode}: {e.Status.Detail})",
                data: new Dictionary<string, object> { ["server"] = address });
        }
    }
}
