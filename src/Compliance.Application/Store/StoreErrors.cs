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
