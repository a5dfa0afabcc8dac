namespace Compliance.Application.Store;

public interface IEventWriter
{
    /// <summary>
    /// Appends a batch to one stream, all or nothing, extending the hash chain. Re-appending ids already stored with
    /// the same content returns their original positions and writes nothing.
    /// </summary>
    /// <exception cref="WrongExpectedRevisionException">the stream is not where <paramref name="expected"/> says.</exception>
    /// <exception cref="EventIdConflictException">an id is stored with other content.</exception>
    Task<AppendResult> AppendAsync(string stream, ExpectedRevision expected, IReadOnlyList<EventToAppend> events, CancellationToken ct);

    /// <summary>
    /// Appends to several streams at once, all or nothing: each stream is treated exactly as <see cref="AppendAsync"/>
    /// treats it (its expected revision checked, its ids already stored with the same content answered with their
    /// original positions and not written again), and the events written take consecutive global positions in the order
    /// given, one contiguous segment of the hash chain. Results come back in the order given. A stream may appear once.
    /// </summary>
    /// <exception cref="WrongExpectedRevisionException">one stream is not where its expected revision says; nothing was written.</exception>
    /// <exception cref="EventIdConflictException">an id of one stream is stored with other content; nothing was written.</exception>
    Task<IReadOnlyList<AppendResult>> AppendManyAsync(IReadOnlyList<StreamAppend> appends, CancellationToken ct);
}

public interface IEventReader
{
    /// <summary>Reads one stream from a revision (inclusive), forwards or backwards; empty when the stream does not exist.</summary>
    IAsyncEnumerable<StoredEvent> ReadStreamAsync(string stream, Direction direction, long fromRevision, int maxCount, CancellationToken ct);

    /// <summary>Reads the whole store in order from a global position (inclusive).</summary>
    IAsyncEnumerable<StoredEvent> ReadAllAsync(long fromPosition, int maxCount, CancellationToken ct);

    /// <summary>
    /// Catch-up subscription: every event after <paramref name="afterPosition"/> (0 = from the start), history first,
    /// then live events as they are appended, in order, with no gaps or repeats, until cancelled.
    /// </summary>
    IAsyncEnumerable<StoredEvent> SubscribeToAllAsync(long afterPosition, CancellationToken ct);

    /// <summary>The last stored event's position and hash; (0, genesis) for an empty store.</summary>
    Task<(long Position, string Hash)> ReadHeadAsync(CancellationToken ct);
}

/// <summary>Both sides of an event store.</summary>
public interface IEventStore : IEventReader, IEventWriter;
