namespace Compliance.Contracts.Observations;

/// <summary>A drain-readiness risk found earlier is gone.</summary>
public sealed record DrainRiskResolved(
    string ClusterId,
    string RiskId,
    DateTimeOffset ObservedAt,
    string Source);
