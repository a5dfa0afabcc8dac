namespace Compliance.Contracts.Observations;

/// <summary>
/// A cluster's control-plane version as <c>GET /version</c> reported it.
/// <paramref name="Platform"/> is the <c>platform</c> field ("linux/amd64"); <paramref name="Source"/> names the watcher that saw it.
/// </summary>
public sealed record ControlPlaneVersionObserved(
    string ClusterId,
    string GitVersion,
    string Platform,
    DateTimeOffset ObservedAt,
    string Source);
