using Compliance.Application.Integration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Compliance.Adapters.Messaging.Bus;

namespace Compliance.Adapters.Messaging.Integration;

/// <summary>Runs the integration gateway every <see cref="BusOptions.IntegrationPollInterval"/> (the projections run beside it).</summary>
internal sealed partial class IntegrationGatewayService(
    IntegrationGateway gateway,
    IOptions<BusOptions> options,
    TimeProvider time,
    ILogger<IntegrationGatewayService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.IntegrationPollInterval, time);
        do
        {
            try
            {
                var published = await gateway.ScanAsync(stoppingToken);
                if (published > 0) LogPublished(published);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogScanFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Integration gateway published {Count} integration event(s)")]
    private partial void LogPublished(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Integration gateway scan failed; the next scan retries")]
    private partial void LogScanFailed(Exception e);
}
