namespace Compliance.Adapters.Sqlite.Events;

/// <summary>
/// Wakes subscriptions of this process when an append commits. A waiter takes <see cref="Next"/> before it reads, so an
/// append that commits after its read completes the task it holds: no wake-up is lost.
/// </summary>
internal sealed class AppendSignal
{
    private TaskCompletionSource _next = NewSource();

    public Task Next => Volatile.Read(ref _next).Task;

    public void Notify() => Interlocked.Exchange(ref _next, NewSource()).TrySetResult();

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
