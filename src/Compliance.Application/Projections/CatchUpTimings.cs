using System.Diagnostics;

namespace Compliance.Application.Projections;

/// <summary>
/// Where a runner's catch-ups spent their time on the folding thread (a benchmark reads it): waiting for the read-ahead
/// page (reading and deserializing happen on another thread), folding, writing audit lines, committing, and evaluating
/// the changed clusters. Totals since the runner was made.
/// </summary>
public sealed class CatchUpTimings
{
    private long waiting, folding, writing, committing, evaluating;

    public TimeSpan WaitingForReads => Stopwatch.GetElapsedTime(0, waiting);

    public TimeSpan Folding => Stopwatch.GetElapsedTime(0, folding);

    public TimeSpan Writing => Stopwatch.GetElapsedTime(0, writing);

    public TimeSpan Committing => Stopwatch.GetElapsedTime(0, committing);

    public TimeSpan Evaluating => Stopwatch.GetElapsedTime(0, evaluating);

    internal long Waited(long since) => Add(ref waiting, since);

    internal long Folded(long since) => Add(ref folding, since);

    internal long Wrote(long since) => Add(ref writing, since);

    internal long Committed(long since) => Add(ref committing, since);

    internal long Evaluated(long since) => Add(ref evaluating, since);

    /// <summary>Adds the time since <paramref name="since"/> and returns now, where the next stage starts.</summary>
    private static long Add(ref long total, long since)
    {
        var now = Stopwatch.GetTimestamp();
        total += now - since;
        return now;
    }
}
