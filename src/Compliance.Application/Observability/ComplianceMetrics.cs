using System.Diagnostics.Metrics;

namespace Compliance.Application.Observability;

/// <summary>
/// The service's own instruments on one <see cref="Meter"/>; `compliance serve` exports them at /metrics. Adapters add
/// to them (a Kubernetes watcher that reconnects calls <see cref="WatchReconnected"/>) without knowing the exporter.
/// </summary>
public static class ComplianceMetrics
{
    public const string MeterName = "Compliance";

    public static Meter Meter { get; } = new(MeterName, "1.0");

    /// <summary>Watches (Kubernetes list/watch, bus connections, feeds) that were lost and opened again.</summary>
    public static Counter<long> WatchReconnects { get; } =
        Meter.CreateCounter<long>("compliance_watch_reconnects", unit: null, description: "Watches that were lost and opened again");

    /// <summary>Counts one reconnect of the named watch source (for example "kubernetes/prod-eu", "rabbitmq").</summary>
    public static void WatchReconnected(string source) =>
        WatchReconnects.Add(1, new KeyValuePair<string, object?>("source", source));
}
