using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace Compliance.Host.Serve;

/// <summary>Samples the projection lag for /metrics every few seconds (ingest lag in events, checkpoint lag in seconds).</summary>
internal sealed class LagMetrics(LagProbe probe, ILogger<LagMetrics> log) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(2);

    private static readonly Gauge IngestLag = Metrics.CreateGauge("compliance_ingest_lag_events",
        "Ledger head position minus the read-model checkpoint: events recorded but not projected yet");

    private static readonly Gauge CheckpointLag = Metrics.CreateGauge("compliance_projection_checkpoint_lag_seconds",
        "Age of the oldest event the read models have not projected yet (0 when current)");

    private static readonly Gauge Head = Metrics.CreateGauge("compliance_ledger_head_position", "Position of the last event in the ledger");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first collection starts prometheus-net's default adapters, the meter adapter among them: from then on
        // ComplianceMetrics (watch reconnects from the adapters) is exported.
        await Metrics.DefaultRegistry.CollectAndExportAsTextAsync(Stream.Null, stoppingToken);
        using var timer = new PeriodicTimer(Every);
        do
        {
            try
            {
                var lag = await probe.MeasureAsync(stoppingToken);
                IngestLag.Set(lag.Events);
                CheckpointLag.Set(lag.Seconds);
                Head.Set(lag.Head);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Could not measure the projection lag");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
