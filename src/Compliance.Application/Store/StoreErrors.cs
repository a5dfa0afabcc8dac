using System.Globalization;

namespace Compliance.Application.Store;

/// <summary>The stream was not at the revision the writer expected; nothing of the batch was written.</summary>
public sealed class WrongExpectedRevisionException(string stream, ExpectedRevision expected, long? actual)
    : Exception($"Stream '{stream}': expected revision {expected}, actual {(actual is { } a ? a.ToString(CultureInfo.InvariantCulture) : "no stream")}.")
{
    public string Stream { get; } = stream;
    public ExpectedRevision Expected { get; } = expected;
    /// <summary>The stream's last revision, null when the stream does not exist.</summary>
    public long? Actual { get; } = actual;
}

/// <summary>An event id was appended again with a different stream, type or payload; nothing of the batch was written.</summary>
/// <param name="storedCausationId">The causation id the stored event was recorded with: the message or request it came
/// from, so a caller can tell a repeat of its own source decided differently from another source's id.</param>
public sealed class EventIdConflictException(Guid eventId, string stream, Guid storedCausationId)
    : Exception($"Event {eventId} was already stored in stream '{stream}' with a different content.")
{
    public Guid EventId { get; } = eventId;
    public string Stream { get; } = stream;
    public Guid StoredCausationId { get; } = storedCausationId;
}

/// <summary>
/// The store did not answer, or answered with a transient failure (a node down, an election, a timeout), after the
/// adapter's own retries or once the caller's <see cref="StoreBudget"/> ran out. An append may or may not have been
/// written: repeating it with the same event ids is safe. Callers answer "retry later" (HTTP 503 with Retry-After).
/// </summary>
/// <param name="node">Where the store was called (a host:port, or the seeds of a cluster).</param>
/// <param name="reason">What went wrong last, in the store's words.</param>
public sealed class StoreUnavailableException(string node, string reason, Exception? inner = null)
    : Exception($"The event store at {node} is unavailable: {reason}", inner)
{
    public string Node { get; } = node;
    public string Reason { get; } = reason;
}
