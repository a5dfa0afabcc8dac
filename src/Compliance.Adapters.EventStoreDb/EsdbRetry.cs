using Grpc.Core;

namespace Compliance.Adapters.EventStoreDb;

/// <summary>
/// Retries a call on transient gRPC failures (Unavailable, DeadlineExceeded) with exponential backoff. Appends are safe
/// to retry: the same event ids at the same expected revision are answered with the original success by the server.
/// </summary>
internal sealed class EsdbRetry(int attempts, TimeSpan firstDelay)
{
    public static EsdbRetry Default { get; } = new(6, TimeSpan.FromMilliseconds(100));

    public int Attempts { get; } = attempts;

    public static bool IsTransient(RpcException e) => e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded;

    public TimeSpan DelayBefore(int attempt) => TimeSpan.FromMilliseconds(Math.Min(5_000, firstDelay.TotalMilliseconds * Math.Pow(2, attempt - 1)));

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(call);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call(ct).ConfigureAwait(false);
            }
            catch (RpcException e) when (IsTransient(e) && attempt < Attempts && !ct.IsCancellationRequested)
            {
                await Task.Delay(DelayBefore(attempt), ct).ConfigureAwait(false);
            }
        }
    }
}
