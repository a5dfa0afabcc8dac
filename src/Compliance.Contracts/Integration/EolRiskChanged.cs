namespace Compliance.Contracts.Integration;

/// <summary>
/// A running component's EOL risk level changed. Levels are "low", "medium", "high", "eol" or "unknown";
/// <paramref name="FromLevel"/> is null the first time a component is judged. <paramref name="ComponentId"/> is
/// "control-plane", "node/NODE/kubelet", "node/NODE/kube-proxy", "node/NODE/os", "node/NODE/kernel", "node/NODE/runtime"
/// or "addon/NAMESPACE/WORKLOAD/CONTAINER".
/// </summary>
public sealed record EolRiskChanged(
    string ClusterId,
    string ComponentId,
    string Product,
    string Version,
    string? Cycle,
    string? FromLevel,
    string ToLevel,
    DateOnly? Eol,
    int? DaysLeft,
    DateOnly AsOf);
