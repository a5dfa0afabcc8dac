using Compliance.Application.Catalog;
using Compliance.Application.Projections;
using Compliance.Application.ReadModels;
using Compliance.Application.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Compliance.Host.Serve;

/// <summary>
/// Keeps the read models current while the service runs: a catch-up subscription (ProjectionRunner.RunAsync), and every
/// refresh interval a re-evaluation of every cluster as of now (RefreshAsync), since time passing opens findings and
/// breaches SLAs with no new event. Each period uses a fresh runner loaded from the committed checkpoint, so stopping the
/// subscription for a refresh can never leave an in-memory fold ahead of or behind the read models.
/// </summary>
internal sealed class ProjectionWorker(IEventReader ledger, IReadModelStore readModels, TimeProvider time, ILogger<ProjectionWorker> log)
    : BackgroundService
{
    public static TimeSpan RefreshInterval { get; } = TimeSpan.FromHours(1);

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    private volatile bool caughtUp;

    /// <summary>True once the read models have caught up with the ledger after start.</summary>
    public bool CaughtUp => caughtUp;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunPeriodAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Projection failed; starting again in {Delay}", RetryDelay);
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }

    private async Task RunPeriodAsync(CancellationToken stop)
    {
        var runner = new ProjectionRunner(ledger, readModels, CatalogSnapshot.Embedded.Catalog, time);
        await runner.RefreshAsync(stop);
        var projected = await runner.CatchUpAsync(stop);
        if (!caughtUp) log.LogInformation("Read models caught up at position {Checkpoint} ({Projected} events projected)", runner.Checkpoint, projected);
        caughtUp = true;
        using var period = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var live = runner.RunAsync(period.Token);
        await Task.WhenAny(live, Task.Delay(RefreshInterval, time, stop));
        await period.CancelAsync();
        try
        {
            await live;
        }
        catch (OperationCanceledException) when (period.IsCancellationRequested)
        {
        }
    }
}
