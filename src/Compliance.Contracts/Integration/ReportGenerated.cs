namespace Compliance.Contracts.Integration;

/// <summary>
/// An auditor report was issued. <paramref name="Scope"/> is a cluster id or "fleet"; <paramref name="Sha256"/> is
/// the hex digest of the document; <paramref name="Path"/> where it was written.
/// </summary>
public sealed record ReportGenerated(
    string Scope,
    DateOnly From,
    DateOnly To,
    DateOnly AsOf,
    string Sha256,
    string Path,
    DateTimeOffset GeneratedAt);
