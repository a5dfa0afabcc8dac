using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Compliance.Benchmarks.Bus;

/// <summary>
/// Removes what a benchmark phase declared on the broker: its queue (durable, as in production), the exchange MassTransit
/// names after it, and its error and skipped queues. Left behind, the queue stays bound to the observation exchanges,
/// so every later run would also route and persist each observation into it (a broker that had kept 12 such queues
/// made ingest about six times slower).
/// </summary>
internal static class BenchQueues
{
    public static async Task DeleteAsync(BusBenchOptions options, string queue, CancellationToken ct)
    {
        await using var connection = await RawRabbitBench.ConnectAsync(options, ct);
        foreach (var name in new[] { queue, $"{queue}_error", $"{queue}_skipped" })
        {
            await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
            try
            {
                await channel.QueueDeleteAsync(name, ifUnused: false, ifEmpty: false, cancellationToken: ct);
                await channel.ExchangeDeleteAsync(name, ifUnused: false, cancellationToken: ct);
            }
            catch (OperationInterruptedException)
            {
                // not declared in this phase (no message faulted): nothing to remove
            }
        }
    }
}
