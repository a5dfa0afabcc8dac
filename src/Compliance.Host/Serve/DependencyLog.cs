using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Compliance.Host.Serve;

/// <summary>
/// One warning when a dependency (the bus, EventStoreDB) becomes unreachable and one line when it is back, read from
/// its health check every few seconds; the clients' own per-attempt logs stay below the default level (MassTransit's at
/// Error). Kubernetes clusters log their own transitions, one per cluster.
/// </summary>
internal sealed class DependencyLog(HealthCheckService health, TimeProvider time, ILogger<DependencyLog> log) : BackgroundService
{
    public static readonly IReadOnlySet<string> Dependencies = new HashSet<string>(StringComparer.Ordinal) { "bus", "eventstoredb" };

    private static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var last = new Dictionary<string, HealthStatus>(StringComparer.Ordinal);
        using var timer = new PeriodicTimer(Every, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            HealthReport report;
            try
            {
                report = await health.CheckHealthAsync(r => Dependencies.Contains(r.Name), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogDebug("Could not check the dependencies ({Error})", e.Message);
                continue;
            }

            foreach (var (name, entry) in report.Entries)
            {
                var before = last.GetValueOrDefault(name, HealthStatus.Healthy);
                if (before == HealthStatus.Healthy && entry.Status != HealthStatus.Healthy)
                    log.LogWarning("{Dependency} is unreachable: {Description}{Error}; retrying until it answers", name, entry.Description ?? entry.Status.ToString(),
                        entry.Exception is null ? "" : $" ({OneLineConsoleFormatter.Messages(entry.Exception)})");
                else if (before != HealthStatus.Healthy && entry.Status == HealthStatus.Healthy)
                    log.LogInformation("{Dependency} is reachable again", name);
                last[name] = entry.Status;
            }
        }
    }
}
