namespace Compliance.Contracts.Observations;

/// <summary>
/// A container image of a system workload. <paramref name="Product"/> is the catalog product the image maps to
/// ("cert-manager", "cilium"), or empty when the image is not mapped.
/// </summary>
public sealed record AddOnVersionObserved(
    string ClusterId,
    string Namespace,
    string Workload,
    string Container,
    string Image,
    string Product,
    DateTimeOffset ObservedAt,
    string Source);
