using System.Diagnostics;
using Compliance.Application.ReadModels;
using Compliance.Application.Store;

namespace Compliance.Host.Serve;

/// <summary>
/// Whether serve may write: not while the ledger and the read models disagree (<see cref="LedgerAgreement"/>: the
/// ledger ends before the read models' checkpoint, or has another hash there). The answer is kept for a second, so a
/// burst of requests reads the ledger once.
/// </summary>
internal sealed class LedgerGuard(IEventReader ledger, IReadModelStore readModels)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim checking = new(1, 1);
    private (long At, string? Reason)? last;

    /// <summary>Null while they agree, else the disagreement in one sentence.</summary>
    public async Task<string?> DisagreementAsync(CancellationToken ct)
    {
        if (last is { } known && Stopwatch.GetElapsedTime(known.At) < KeptFor) return known.Reason;
        await checking.WaitAsync(ct);
        try
        {
            if (last is { } again && Stopwatch.GetElapsedTime(again.At) < KeptFor) return again.Reason;
            var reason = await LedgerAgreement.CheckAsync(ledger, readModels, ct);
            last = (Stopwatch.GetTimestamp(), reason);
            return reason;
        }
        finally
        {
            checking.Release();
        }
    }
}
