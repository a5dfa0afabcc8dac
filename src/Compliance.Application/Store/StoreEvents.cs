namespace Compliance.Application.Store;

/// <summary>Who and what caused an event; stored with it.</summary>
public sealed record EventMetadata(string Actor, Guid CorrelationId, Guid CausationId);

/// <summary>An event to append: id (idempotence key), explicit versioned type name, schema version, JSON payload.</summary>
public sealed record EventToAppend(Guid EventId, string Type, int SchemaVersion, string Json, EventMetadata Metadata);

/// <summary>An event as stored. Revision is its index in its stream (from 0); Position its index in the whole store (from 1).</summary>
public sealed record StoredEvent(
    Guid EventId,
    string Stream,
    long Revision,
    long Position,
    string Type,
    int SchemaVersion,
    DateTimeOffset RecordedAt,
    string Actor,
    Guid CorrelationId,
    Guid CausationId,
    string Json,
    string PreviousHash,
    string Hash);

/// <summary>One stream's part of <see cref="IEventWriter.AppendManyAsync"/>.</summary>
public sealed record StreamAppend(string Stream, ExpectedRevision Expected, IReadOnlyList<EventToAppend> Events);

/// <summary>The result of an append: the stream's revision after it and the global position of each event.</summary>
public sealed record AppendResult(long NextExpectedRevision, IReadOnlyList<long> Positions);

public enum Direction
{
    Forwards,
    Backwards,
}
