namespace Compliance.Contracts.Observations;

/// <summary>A patch version of a product's cycle, with the instant it was released.</summary>
public sealed record PatchReleased(
    string Product,
    string Cycle,
    string Version,
    DateTimeOffset ReleasedAt,
    string Source);
