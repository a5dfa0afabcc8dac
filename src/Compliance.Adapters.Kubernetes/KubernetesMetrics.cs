using System.Diagnostics.Metrics;

namespace Compliance.Adapters.Kubernetes;

/// <summary>The watcher's instruments: reconnects per cluster, observations published.</summary>
public static class KubernetesMetrics
{
    public const string MeterName = "Compliance.Kubernetes";

    public static Meter Meter { get; } = new(MeterName, "1.0");

    public static Counter<long> WatchReconnects { get; } =
        Meter.CreateCounter<long>("compliance_kubernetes_watch_reconnects", description: "Kubernetes list/watch streams that failed and were opened again");

    public static Counter<long> Published { get; } =
        Meter.CreateCounter<long>("compliance_kubernetes_observations_published", description: "Observations the Kubernetes watcher published");
}
