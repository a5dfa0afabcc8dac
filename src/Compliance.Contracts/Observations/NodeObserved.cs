namespace Compliance.Contracts.Observations;

/// <summary>
/// A node as listed or watched: its nodeInfo, labels (pool, zone, instance type, managed-flavour labels), allocatable
/// resources (quantities as the API spells them, "3920m", "15Gi"), cordoned state and annotations (kured's among them).
/// </summary>
public sealed record NodeObserved(
    string ClusterId,
    string Node,
    NodeInfo NodeInfo,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Allocatable,
    bool Unschedulable,
    IReadOnlyDictionary<string, string> Annotations,
    DateTimeOffset ObservedAt,
    string Source);
