using Compliance.Domain.Verdicts;

namespace Compliance.Application.Reports;

/// <summary>
/// A risk acceptance as it stood at the end of the period: who asked and why, who decided (a different admin), until
/// when, and its state then (requested, rejected, accepted, expired, lapsed); <see cref="Evidence"/> cites the request,
/// the decision and what it lapsed on.
/// </summary>
public sealed record ExceptionRow(
    string ClusterId, string ExceptionId, string Subject, string Reason, string RequestedBy, DateTimeOffset RequestedAt, string? DecidedBy,
    DateTimeOffset? DecidedAt, string? DecisionReason, DateOnly ExpiresOn, string Status, DateTimeOffset? LapsedAt, string? LapseReason,
    IReadOnlyList<Citation> Evidence)
{
    /// <summary>The exceptions of a cluster requested by <paramref name="end"/> and not over before <paramref name="start"/>, as they stood at <paramref name="end"/>.</summary>
    internal static IEnumerable<ExceptionRow> Of(IEnumerable<ExceptionVerdict> exceptions, DateTimeOffset start, DateTimeOffset end, ActorIndex actors)
    {
        foreach (var verdict in exceptions)
        {
            if (Exceptions.At(verdict, end) is not { } x) continue;
            var over = x.Status switch
            {
                ExceptionStatus.Expired => Days.StartOf(x.ExpiresOn),
                ExceptionStatus.Lapsed => x.LapsedAt,
                ExceptionStatus.Rejected => x.DecidedAt,
                _ => null,
            };
            if (over < start) continue;
            yield return new ExceptionRow(x.ClusterId, x.ExceptionId, x.Subject, x.Reason, x.RequestedBy, x.RequestedAt, x.DecidedBy, x.DecidedAt,
                x.DecisionReason, x.ExpiresOn, x.Status.ToString().ToLowerInvariant(), x.LapsedAt, x.LapseReason, actors.Cite("", x.Evidence));
        }
    }
}
