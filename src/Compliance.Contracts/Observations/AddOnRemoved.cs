namespace Compliance.Contracts.Observations;

/// <summary>A container of a system workload is no longer running.</summary>
public sealed record AddOnRemoved(
    string ClusterId,
    string Namespace,
    string Workload,
    string Container,
    DateTimeOffset ObservedAt,
    string Source);
