using Compliance.Domain.Events;

namespace Compliance.Domain.Commands;

public abstract record ExceptionCommand(string ClusterId, string ExceptionId, string Actor, DateTimeOffset Now) : Command(Actor, Now);

/// <summary>
/// Ask for acceptance of one finding or one component's risk. The caller pins the subject as it stood at <c>Now</c>
/// (the finding's open episode, the component's running version); when nothing matched, both are null and
/// <paramref name="Unmatched"/> says what was looked for, which is the rejection's reason.
/// </summary>
public sealed record RequestException(
    string ClusterId,
    string ExceptionId,
    AcceptedFinding? Finding,
    AcceptedComponent? Component,
    string? Unmatched,
    string Reason,
    DateOnly ExpiresOn,
    string Actor,
    DateTimeOffset Now) : ExceptionCommand(ClusterId, ExceptionId, Actor, Now);

/// <summary>Approve a requested exception. Who may approve (the admin role) is the caller's to check; that it is not the requester is the decider's.</summary>
public sealed record ApproveException(string ClusterId, string ExceptionId, string Actor, DateTimeOffset Now)
    : ExceptionCommand(ClusterId, ExceptionId, Actor, Now);

public sealed record RejectException(string ClusterId, string ExceptionId, string Reason, string Actor, DateTimeOffset Now)
    : ExceptionCommand(ClusterId, ExceptionId, Actor, Now);
