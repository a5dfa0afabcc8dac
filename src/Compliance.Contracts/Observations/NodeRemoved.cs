namespace Compliance.Contracts.Observations;

/// <summary>A node left the cluster (deleted, or absent from a relist).</summary>
public sealed record NodeRemoved(
    string ClusterId,
    string Node,
    DateTimeOffset ObservedAt,
    string Source);
