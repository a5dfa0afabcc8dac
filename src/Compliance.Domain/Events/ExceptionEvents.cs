using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;

namespace Compliance.Domain.Events;

/// <summary>
/// Facts of stream <c>exceptions-{clusterId}</c>: risk acceptances (DOMAIN.md "Exceptions"), each requested by an
/// operator with a reason and an expiry date and approved or rejected by a different admin.
/// </summary>
public abstract record ExceptionEvent(string ClusterId) : DomainEvent;

/// <summary>A finding accepted: its kind and subject, and the episode open when the acceptance was requested (its detection instant).</summary>
public sealed record AcceptedFinding(FindingKind Kind, string Subject, DateTimeOffset DetectedAt);

/// <summary>
/// A component's risk accepted: its id (one component, or a group such as <c>node/*/kubelet</c>), its kind, the release
/// line it was judged by (for a distribution kernel, its OS release) and the version it ran when the acceptance was
/// requested, as observed. Another version or cycle is another subject: the acceptance no longer holds.
/// </summary>
public sealed record AcceptedComponent(string ComponentId, ComponentKind Kind, string Product, string Cycle, string Version);

/// <summary>
/// Acceptance of one finding or one component's risk was asked for, until <paramref name="ExpiresOn"/> (on that day the
/// item is open again). Exactly one of <paramref name="Finding"/> and <paramref name="Component"/> is set.
/// </summary>
public sealed record ExceptionRequested(
    string ClusterId,
    string ExceptionId,
    AcceptedFinding? Finding,
    AcceptedComponent? Component,
    string Reason,
    DateOnly ExpiresOn,
    string RequestedBy,
    DateTimeOffset At) : ExceptionEvent(ClusterId);

public sealed record ExceptionApproved(string ClusterId, string ExceptionId, string ApprovedBy, DateTimeOffset At) : ExceptionEvent(ClusterId);

public sealed record ExceptionRejected(string ClusterId, string ExceptionId, string RejectedBy, string Reason, DateTimeOffset At)
    : ExceptionEvent(ClusterId);
