using Compliance.Application.Ports;

namespace Compliance.Adapters.Kubernetes;

/// <summary>
/// The ledger the watcher reads at start to record what disappeared while no watcher ran, or null when this process
/// has none (a watcher that only publishes to the bus): then restart reconciliation is off.
/// </summary>
internal sealed record WatcherLedger(IRecordedObservations? Recorded);
