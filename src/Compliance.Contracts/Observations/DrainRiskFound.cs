namespace Compliance.Contracts.Observations;

/// <summary>
/// A drain-readiness risk. <paramref name="Kind"/> is one of "SingleReplica", "ReplicasOnOneNode",
/// "NoSpreadOrAntiAffinity", "LongGracePeriod", "PdbAllowsNoDisruption", "InsufficientSpareCapacity";
/// <paramref name="RiskId"/> is stable for the same kind and subject, so the resolution can name it.
/// </summary>
public sealed record DrainRiskFound(
    string ClusterId,
    string RiskId,
    string Kind,
    string Subject,
    string Detail,
    int? GracePeriodSeconds,
    DateTimeOffset ObservedAt,
    string Source);
