namespace Compliance.Adapters.Kubernetes.Watching;

/// <summary>Exponential backoff with full jitter between <paramref name="initial"/> and <paramref name="maximum"/>.</summary>
internal sealed class Backoff(TimeSpan initial, TimeSpan maximum)
{
    private int failures;

    public TimeSpan Next()
    {
        var ceiling = Math.Min(maximum.TotalMilliseconds, initial.TotalMilliseconds * Math.Pow(2, Math.Min(failures++, 20)));
        return TimeSpan.FromMilliseconds(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2);
    }

    public void Reset() => failures = 0;
}
