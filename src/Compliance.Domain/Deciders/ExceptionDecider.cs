using System.Collections.Immutable;
using Compliance.Domain.Commands;
using Compliance.Domain.Events;
using Compliance.Domain.Verdicts;

namespace Compliance.Domain.Deciders;

/// <summary>One exception as its stream knows it: the request and, once made, the decision.</summary>
public sealed record ExceptionState(ExceptionRequested Request, ExceptionApproved? Approval, ExceptionRejected? Rejection);

/// <summary>The exceptions of stream <c>exceptions-{clusterId}</c>, by id.</summary>
public sealed record ExceptionsState(ImmutableDictionary<string, ExceptionState> Exceptions)
{
    public static ExceptionsState Empty { get; } = new(ImmutableDictionary<string, ExceptionState>.Empty.WithComparers(StringComparer.Ordinal));
}

/// <summary>
/// Decides commands on stream <c>exceptions-{clusterId}</c> (DOMAIN.md "Exceptions"): an operator requests acceptance of
/// one finding or one component's risk with a reason and an expiry date after the day of the request; a different actor
/// approves or rejects it (that the approver holds the admin role is checked where roles are known, the API). A decision
/// stands: approving an approved exception or rejecting a rejected one records nothing, the other way round is refused.
/// An exception whose expiry day has come can no longer be approved. Expiry and changes of the subject are judged by the
/// verdicts as of a date, not here.
/// </summary>
public static class ExceptionDecider
{
    public static ExceptionsState Initial => ExceptionsState.Empty;

    public static Decision Decide(ExceptionCommand command, ExceptionsState state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        if (Rules.IsBlank(command.Actor)) return Decision.Reject("actor is required: every command names who asks");
        if (!Rules.IsSlug(command.ExceptionId))
        {
            return Decision.Reject($"exception id '{command.ExceptionId}' must be 1-63 lowercase letters, digits or '-', starting and ending with a letter or digit");
        }

        var known = state.Exceptions.GetValueOrDefault(command.ExceptionId);
        return command switch
        {
            RequestException c => Request(c, known),
            ApproveException c => Approve(c, known),
            RejectException c => Reject(c, known),
            _ => throw new InvalidOperationException($"{command.GetType().Name} is not handled by {nameof(ExceptionDecider)}"),
        };
    }

    public static ExceptionsState Evolve(ExceptionsState state, DomainEvent @event) => @event switch
    {
        ExceptionRequested e => state with { Exceptions = state.Exceptions.SetItem(e.ExceptionId, new ExceptionState(e, null, null)) },
        ExceptionApproved e when state.Exceptions.TryGetValue(e.ExceptionId, out var x) =>
            state with { Exceptions = state.Exceptions.SetItem(e.ExceptionId, x with { Approval = e }) },
        ExceptionRejected e when state.Exceptions.TryGetValue(e.ExceptionId, out var x) =>
            state with { Exceptions = state.Exceptions.SetItem(e.ExceptionId, x with { Rejection = e }) },
        _ => state,
    };

    private static Decision Request(RequestException c, ExceptionState? known)
    {
        if (known is not null)
        {
            var same = known.Request.Finding == c.Finding && known.Request.Component == c.Component
                && known.Request.Reason == (c.Reason ?? "").Trim() && known.Request.ExpiresOn == c.ExpiresOn;
            return same
                ? Decision.Unchanged
                : Decision.Reject($"exception '{c.ExceptionId}' was already requested by {known.Request.RequestedBy} on {known.Request.At:yyyy-MM-dd} for {Describe(known.Request)}; use a new id for a new request");
        }

        if (c.Finding is null && c.Component is null)
            return Decision.Reject(c.Unmatched ?? "an exception names one finding or one component");
        if (c.Finding is not null && c.Component is not null) return Decision.Reject("an exception names one finding or one component, not both");
        if (Rules.IsBlank(c.Reason)) return Decision.Reject("the reason for accepting the risk is required");
        var today = Days.Of(c.Now);
        if (c.ExpiresOn <= today)
            return Decision.Reject($"expiry {c.ExpiresOn:yyyy-MM-dd} must be after the day of the request ({today:yyyy-MM-dd}): an acceptance is for a limited time ahead");
        return Decision.Accept(new ExceptionRequested(c.ClusterId, c.ExceptionId, c.Finding, c.Component, c.Reason.Trim(), c.ExpiresOn, c.Actor, c.Now));
    }

    private static Decision Approve(ApproveException c, ExceptionState? known)
    {
        if (known is null) return Unknown(c);
        if (known.Approval is not null) return Decision.Unchanged;
        if (known.Rejection is { } rejected)
            return Decision.Reject($"exception '{c.ExceptionId}' was rejected by {rejected.RejectedBy} on {rejected.At:yyyy-MM-dd}: {rejected.Reason}");
        if (SameActor(c.Actor, known.Request.RequestedBy))
            return Decision.Reject($"exception '{c.ExceptionId}' was requested by {known.Request.RequestedBy}: a different admin must approve it");
        if (Days.Of(c.Now) >= known.Request.ExpiresOn)
            return Decision.Reject($"exception '{c.ExceptionId}' expired on {known.Request.ExpiresOn:yyyy-MM-dd} before it was approved: request it again");
        return Decision.Accept(new ExceptionApproved(c.ClusterId, c.ExceptionId, c.Actor, c.Now));
    }

    private static Decision Reject(RejectException c, ExceptionState? known)
    {
        if (known is null) return Unknown(c);
        if (known.Rejection is not null) return Decision.Unchanged;
        if (known.Approval is { } approved)
            return Decision.Reject($"exception '{c.ExceptionId}' was approved by {approved.ApprovedBy} on {approved.At:yyyy-MM-dd}; it ends at its expiry or when its subject changes");
        if (SameActor(c.Actor, known.Request.RequestedBy))
            return Decision.Reject($"exception '{c.ExceptionId}' was requested by {known.Request.RequestedBy}: a different admin must decide it");
        if (Rules.IsBlank(c.Reason)) return Decision.Reject("the reason for rejecting is required");
        return Decision.Accept(new ExceptionRejected(c.ClusterId, c.ExceptionId, c.Actor, c.Reason.Trim(), c.Now));
    }

    private static Decision Unknown(ExceptionCommand c) =>
        Decision.Reject($"no exception '{c.ExceptionId}' was requested on cluster '{c.ClusterId}'");

    private static bool SameActor(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>What an exception is about, in words.</summary>
    public static string Describe(ExceptionRequested request) => request switch
    {
        { Finding: { } f } => $"finding {f.Kind} '{f.Subject}' (detected {f.DetectedAt:yyyy-MM-dd HH:mm} UTC)",
        { Component: { } c } => $"component {c.ComponentId} ({c.Product} {c.Cycle}, {c.Version})",
        _ => "nothing",
    };
}
