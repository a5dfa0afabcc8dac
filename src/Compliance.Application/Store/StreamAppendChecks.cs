namespace Compliance.Application.Store;

/// <summary>What every store refuses in <see cref="IEventWriter.AppendManyAsync"/> before touching anything: caller bugs that can never be stored.</summary>
public static class StreamAppendChecks
{
    /// <exception cref="ArgumentException">a stream is blank or appears twice, or an event id appears twice in the whole call.</exception>
    public static void ThrowIfInvalid(IReadOnlyList<StreamAppend> appends)
    {
        ArgumentNullException.ThrowIfNull(appends);
        var streams = new HashSet<string>(appends.Count, StringComparer.Ordinal);
        var ids = new HashSet<Guid>();
        for (var i = 0; i < appends.Count; i++)
        {
            var append = appends[i] ?? throw new ArgumentException($"append {i} is null", nameof(appends));
            if (string.IsNullOrWhiteSpace(append.Stream)) throw new ArgumentException($"append {i} has no stream name", nameof(appends));
            if (append.Expected is null) throw new ArgumentException($"append {i} (stream '{append.Stream}') has no expected revision", nameof(appends));
            if (append.Events is null) throw new ArgumentException($"append {i} (stream '{append.Stream}') has no event list", nameof(appends));
            if (!streams.Add(append.Stream)) throw new ArgumentException($"Stream '{append.Stream}' appears twice in one append.", nameof(appends));
            foreach (var e in append.Events)
            {
                if (e is null) throw new ArgumentException($"stream '{append.Stream}' has a null event", nameof(appends));
                if (!ids.Add(e.EventId)) throw new ArgumentException($"Event id {e.EventId} appears twice in one append.", nameof(appends));
            }
        }
    }
}
