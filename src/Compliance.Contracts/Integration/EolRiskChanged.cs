namespace Compliance.Contracts.Integration;

/// <summary>
/// A running component's EOL risk level changed. Levels are "low", "medium", "high", "eol" or "unknown";
/// <paramref name="FromLevel"/> is null the first time a component is judged. <paramref name="ComponentId"/> is
/// "control-plane", "node/NODE/kubelet", "node/NODE/kube-proxy", "node/NODE/os", "node/NODE/kernel", "node/NODE/runtime"
/// or "addon/NAMESPACE/WORKLOAD/CONTAINER". <paramref name="Eol"/> is the end of standard support and
/// <paramref name="DaysLeft"/> the days left to it; where extended support counts for the cycle,
/// <paramref name="ExtendedSupportEnds"/> and <paramref name="ExtendedSupportDaysLeft"/> are its end and the days left
/// to that (null otherwise).
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
    DateOnly AsOf,
    DateOnly? ExtendedSupportEnds = null,
    int? ExtendedSupportDaysLeft = null);
