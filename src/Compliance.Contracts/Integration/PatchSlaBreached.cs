namespace Compliance.Contracts.Integration;

/// <summary>
/// A patch was not applied within its SLA: still open after <paramref name="DueAt"/> (<paramref name="AppliedAt"/> null),
/// or applied late. <paramref name="Kind"/> is the component kind ("ControlPlane", "Kubelet", "AddOn", ...);
/// <paramref name="Critical"/> marks a critical security patch (72-hour SLA).
/// </summary>
public sealed record PatchSlaBreached(
    string ClusterId,
    string Kind,
    string Product,
    string Cycle,
    string Patch,
    DateTimeOffset ReleasedAt,
    DateTimeOffset DueAt,
    bool Critical,
    DateTimeOffset? AppliedAt);
