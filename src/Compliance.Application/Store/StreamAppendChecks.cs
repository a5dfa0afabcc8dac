namespace Compliance.Application.Store;

/// <summary>What every store refuses in <see cref="IEventWriter.AppendManyAsync"/> before touching anything: caller bugs that can never be stored.</summary>
public static class StreamAppendChecks
{
    /// <exception cref="ArgumentException">a stream is blank or appears twice, or an event id appears twice in the whole call.</exception>
    public static void ThrowIfInvalid(IReadOnlyList<StreamAppend> appends)
    {
        ArgumentNullException.ThrowIfNull(appends);
        var total = 0;
        for (var i = 0; i < appends.Count; i++)
        {
            var append = appends[i] ?? throw new ArgumentException($"append {i} is null", nameof(appends));
            if (string.IsNullOrWhiteSpace(append.Stream)) throw new ArgumentException($"append {i} has no stream name", nameof(appends));
            if (append.Expected is null) throw new ArgumentException($"append {i} (stream '{append.Stream}') has no expected revision", nameof(appends));
            if (append.Events is null) throw new ArgumentException($"append {i} (stream '{append.Stream}') has no event list", nameof(appends));
            for (var j = 0; j < append.Events.Count; j++)
            {
                if (append.Events[j] is null) throw new ArgumentException($"stream '{append.Stream}' has a null event", nameof(appends));
            }

            total += append.Events.Count;
        }

        // Appends are mostly one stream and often one event: the sets are only made when something could repeat.
        if (appends.Count > 1)
        {
            var streams = new HashSet<string>(appends.Count, StringComparer.Ordinal);
            for (var i = 0; i < appends.Count; i++)
            {
                var append = appends[i];
                if (!streams.Add(append.Stream)) throw new ArgumentException($"Stream '{append.Stream}' appears twice in one append.", nameof(appends));
            }
        }

        if (total > 1)
        {
            var ids = new HashSet<Guid>(total);
            for (var i = 0; i < appends.Count; i++)
            {
                var events = appends[i].Events;
                for (var j = 0; j < events.Count; j++)
                {
                    if (!ids.Add(events[j].EventId)) throw new ArgumentException($"Event id {events[j].EventId} appears twice in one append.", nameof(appends));
                }
            }
        }
    }
}
