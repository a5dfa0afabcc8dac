using Compliance.Application.CatalogRefresh;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Compliance.Adapters.Messaging.Catalog;

/// <summary>Refreshes the catalog at start and every <see cref="CatalogRefreshOptions.RefreshInterval"/> when enabled.</summary>
internal sealed partial class CatalogRefreshService(
    CatalogRefresher refresher,
    CatalogStatus status,
    IOptions<CatalogRefreshOptions> options,
    TimeProvider time,
    ILogger<CatalogRefreshService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RefreshEnabled)
        {
            LogDisabled();
            return;
        }

        using var timer = new PeriodicTimer(options.Value.RefreshInterval, time);
        do
        {
            try
            {
                var result = await refresher.RefreshAsync(stoppingToken);
                status.Record(result);
                LogRefreshed(result.Cycles, result.Patches, result.Vulnerabilities);
                foreach (var failure in result.Failures) LogSourceFailed(failure);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogRefreshFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog refresh disabled (Compliance:Catalog:RefreshEnabled); using the shipped catalog")]
    private partial void LogDisabled();

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog refreshed: {Cycles} cycle(s), {Patches} patch(es), {Vulnerabilities} CVE(s) new")]
    private partial void LogRefreshed(int cycles, int patches, int vulnerabilities);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalog source unavailable, keeping what is known: {Failure}")]
    private partial void LogSourceFailed(string failure);

    [LoggerMessage(Level = LogLevel.Error, Message = "Catalog refresh failed; keeping the catalog as it is")]
    private partial void LogRefreshFailed(Exception e);
}
