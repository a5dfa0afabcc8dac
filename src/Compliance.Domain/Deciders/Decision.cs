using Compliance.Domain.Events;

namespace Compliance.Domain.Deciders;

/// <summary>
/// What a decider answers: the events to append (empty when the command was already applied: idempotent), or a
/// rejection with a reason a person can act on. Expected rejections are values; only bugs throw.
/// </summary>
public sealed record Decision(IReadOnlyList<DomainEvent> Events, string? RejectionReason)
{
    public bool IsRejected => RejectionReason is not null;

    public static Decision Accept(params DomainEvent[] events) => new(events, null);

    public static Decision Unchanged { get; } = new([], null);

    public static Decision Reject(string reason) => new([], reason);
}
