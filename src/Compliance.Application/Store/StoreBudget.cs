namespace Compliance.Application.Store;

/// <summary>
/// How long the current caller (an HTTP request, a health probe) will wait for the store, retries included. It flows
/// with the async call (like an Activity), so an adapter that retries stops when it runs out and throws
/// <see cref="StoreUnavailableException"/>; without one (background work) the adapter's own limits apply.
/// </summary>
public static class StoreBudget
{
    private static readonly AsyncLocal<Limit?> current = new();

    /// <summary>
    /// Limits the store calls made until the result is disposed to <paramref name="budget"/> from now, or to what is left
    /// of a budget already running when that is less (a health probe inside a request).
    /// </summary>
    public static IDisposable Start(TimeProvider time, TimeSpan budget)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(budget, TimeSpan.Zero);
        if (Remaining is { } outer && outer < budget) budget = outer;
        var previous = current.Value;
        current.Value = new Limit(time, time.GetTimestamp(), budget);
        return new Restore(previous);
    }

    /// <summary>What is left of the current budget (zero when used up); null when the caller set none.</summary>
    public static TimeSpan? Remaining
    {
        get
        {
            if (current.Value is not { } limit) return null;
            var left = limit.Budget - limit.Time.GetElapsedTime(limit.Started);
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    private sealed record Limit(TimeProvider Time, long Started, TimeSpan Budget);

    private sealed class Restore(Limit? previous) : IDisposable
    {
        public void Dispose() => current.Value = previous;
    }
}
