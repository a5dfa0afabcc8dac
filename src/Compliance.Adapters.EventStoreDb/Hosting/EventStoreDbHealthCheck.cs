using Compliance.Application.Store;
using Grpc.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Compliance.Adapters.EventStoreDb.Hosting;

/// <summary>
/// Ready only while EventStoreDB answers: reads the head of the ledger within <see cref="Budget"/> (a probe must answer
/// quickly). An unreachable server makes /health/ready unhealthy, its data naming the node, the ledger stream and the
/// reason (what the readiness answer shows an admin), never a silent pass.
/// </summary>
internal sealed class EventStoreDbHealthCheck(EventStoreDbEventStore store, TimeProvider time) : IHealthCheck
{
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var budget = StoreBudget.Start(time, Budget);
        try
        {
            var (position, _) = await store.ReadHeadAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"EventStoreDB at {store.Node} answers; ledger head at {position}",
                new Dictionary<string, object> { ["node"] = store.Node, ["ledgerStream"] = store.LedgerStream, ["head"] = position });
        }
        catch (StoreUnavailableException e)
        {
            return Unhealthy(e.Node, e.Reason);
        }
        catch (RpcException e)
        {
            return Unhealthy(store.Node, $"EventStoreDB refused the read: {e.StatusCode} ({e.Status.Detail})");
        }
    }

    private HealthCheckResult Unhealthy(string node, string reason) =>
        HealthCheckResult.Unhealthy($"EventStoreDB at {node} does not answer: {reason}",
            data: new Dictionary<string, object> { ["node"] = node, ["ledgerStream"] = store.LedgerStream, ["reason"] = reason });
}
