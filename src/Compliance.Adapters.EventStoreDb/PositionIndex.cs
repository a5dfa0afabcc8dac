namespace Compliance.Adapters.EventStoreDb;

/// <summary>
/// Maps our 1-based global sequence (stored in each event's custom metadata) to EventStoreDB's $all position, so a
/// read "from sequence N" can start at the right place in $all instead of scanning from the start. It is in memory and
/// learnt from every event this process reads; after a restart the first read from a position scans $all from the start
/// (skipping what comes before), and later ones start close to where they need to. Our sequence follows $all order
/// because appends are serialised by this client (see <see cref="EventStoreDbEventStore"/>).
/// </summary>
internal sealed class PositionIndex
{
    private readonly Lock _gate = new();
    private readonly SortedList<long, EsdbPosition> _known = [];

    public void Learn(long sequence, EsdbPosition position)
    {
        lock (_gate) _known[sequence] = position;
    }

    /// <summary>The known event with the largest sequence at or before <paramref name="sequence"/>, if any.</summary>
    public (long Sequence, EsdbPosition Position)? AtOrBefore(long sequence)
    {
        lock (_gate)
        {
            var keys = _known.Keys;
            int lo = 0, hi = keys.Count - 1, found = -1;
            while (lo <= hi)
            {
                var mid = (lo + hi) / 2;
                if (keys[mid] <= sequence) { found = mid; lo = mid + 1; }
                else hi = mid - 1;
            }

            return found < 0 ? null : (keys[found], _known.Values[found]);
        }
    }
}
