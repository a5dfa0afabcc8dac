using System.Globalization;
using Compliance.Application.Store;

namespace Compliance.Adapters.EventStoreDb;

/// <summary>
/// The ledger stream as appends and logical-stream reads need it, in memory: each event id's position, each logical
/// stream's positions by revision, and the head. It only ever learns events in ledger order, from the ledger stream's
/// tail or from this store's own confirmed appends; an event already known (both sources saw it) is skipped. Callers
/// hold <see cref="Gate"/> around every use, so what the append core reads is one consistent snapshot.
/// </summary>
internal sealed class LedgerIndex : ILedgerTail
{
    private readonly Dictionary<Guid, long> positionsById = [];
    private readonly Dictionary<string, List<long>> positionsByStream = new(StringComparer.Ordinal);
    private string headHash = HashChain.Genesis;
    private DateTimeOffset? headRecordedAt;

    public Lock Gate { get; } = new();

    /// <summary>The last known position (0: none).</summary>
    public long Position { get; private set; }

    public int Streams => positionsByStream.Count;

    public (long Position, string Hash) Head() => (Position, headHash);

    public DateTimeOffset? HeadRecordedAt() => headRecordedAt;

    public long? StreamRevision(string stream) =>
        positionsByStream.TryGetValue(stream, out var positions) ? positions.Count - 1 : null;

    public bool TryGetPosition(Guid eventId, out long position) => positionsById.TryGetValue(eventId, out position);

    /// <summary>Adds the event that follows the head; skips one already known.</summary>
    /// <exception cref="InvalidDataException">the event does not continue its logical stream, or its id is already stored.</exception>
    public void Learn(StoredEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Position <= Position) return;
        if (e.Position != Position + 1)
            throw new InvalidOperationException($"The ledger index is at position {Position} and cannot learn position {e.Position} before the ones between.");
        if (!positionsByStream.TryGetValue(e.Stream, out var positions)) positionsByStream[e.Stream] = positions = [];
        if (e.Revision != positions.Count)
            throw new InvalidDataException($"Ledger position {Text(e.Position)} holds revision {Text(e.Revision)} of stream '{e.Stream}' where revision {Text(positions.Count)} was next.");
        if (!positionsById.TryAdd(e.EventId, e.Position))
            throw new InvalidDataException($"Event id {e.EventId} is stored twice in the ledger, at positions {Text(positionsById[e.EventId])} and {Text(e.Position)}.");
        positions.Add(e.Position);
        Position = e.Position;
        headHash = e.Hash;
        headRecordedAt = e.RecordedAt;
    }

    /// <summary>
    /// The positions a read of a logical stream covers, in the order it reads them (backwards from long.MaxValue: from
    /// the stream's end).
    /// </summary>
    public List<long> PositionsOf(string stream, Direction direction, long fromRevision, int maxCount)
    {
        var selected = new List<long>();
        if (!positionsByStream.TryGetValue(stream, out var positions) || maxCount == 0) return selected;
        if (direction == Direction.Forwards)
        {
            for (var r = Math.Max(0, fromRevision); r < positions.Count && selected.Count < maxCount; r++) selected.Add(positions[(int)r]);
        }
        else
        {
            for (var r = Math.Min(fromRevision, positions.Count - 1); r >= 0 && selected.Count < maxCount; r--) selected.Add(positions[(int)r]);
        }

        return selected;
    }

    private static string Text(long n) => n.ToString(CultureInfo.InvariantCulture);
}
