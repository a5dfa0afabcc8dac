namespace Compliance.Application.Reports;

/// <summary>
/// How many reports may be rendering at once. A slot is taken without waiting: when none is free the caller is told to
/// come back, so a burst of requests never turns into a queue of renders holding memory and threads.
/// </summary>
public sealed class RenderSlots
{
    private readonly SemaphoreSlim free;

    public RenderSlots(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Count = count;
        free = new SemaphoreSlim(count, count);
    }

    public int Count { get; }

    public int Free => free.CurrentCount;

    /// <summary>A slot, given back when disposed; null when every slot is taken.</summary>
    public IDisposable? TryTake() => free.Wait(0) ? new Slot(free) : null;

    private sealed class Slot(SemaphoreSlim free) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0) free.Release();
        }
    }
}
