using Compliance.Application.Store;
using Compliance.Domain.Deciders;

namespace Compliance.Application.Reports;

/// <summary>
/// The position of the ledger's last fact: the last event that is not about the ledger itself. Issued reports (stream
/// <c>reports</c>) and signed checkpoints of the ledger (stream <c>ledger-checkpoints</c>) are left out, so issuing a report
/// does not make the next identical request look like a new question. Callers arriving together share one read of the
/// ledger, one that started after they asked (so each sees what was recorded before it asked); the answer for a head is
/// kept until the head moves.
/// </summary>
public sealed class FactHead(IEventReader ledger)
{
    private const int Page = 64;
    private readonly Lock gate = new();
    private volatile Known? last;
    private Task<long>? running;
    private Task<long>? queued;

    /// <summary>True for the streams that record the ledger's own bookkeeping rather than facts about clusters and products.</summary>
    public static bool IsBookkeeping(string stream) => stream is Streams.Reports or Streams.Checkpoints;

    public Task<long> ReadAsync(CancellationToken ct)
    {
        lock (gate)
        {
            if (running is null)
            {
                running = Task.Run(ReadLedgerAsync, CancellationToken.None);
                _ = running.ContinueWith(Promote, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
                return running.WaitAsync(ct);
            }

            // A read in progress may have started before this caller asked: it waits for the next one.
            queued ??= AfterAsync(running);
            return queued.WaitAsync(ct);
        }
    }

    private async Task<long> AfterAsync(Task<long> before)
    {
        await before.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        return await ReadLedgerAsync();
    }

    /// <summary>When the read in progress ends, the queued one (already reading) becomes the one in progress.</summary>
    private void Promote(Task<long> done)
    {
        lock (gate)
        {
            running = queued;
            queued = null;
            _ = running?.ContinueWith(Promote, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    private async Task<long> ReadLedgerAsync()
    {
        var (head, _) = await ledger.ReadHeadAsync(CancellationToken.None);
        if (last is { } known && known.Head == head) return known.Fact;
        long fact = 0;
        for (var to = head; to >= 1 && fact == 0; to -= Page)
        {
            var from = Math.Max(1, to - Page + 1);
            await foreach (var e in ledger.ReadAllAsync(from, (int)(to - from + 1), CancellationToken.None))
            {
                if (!IsBookkeeping(e.Stream)) fact = e.Position;
            }
        }

        last = new Known(head, fact);
        return fact;
    }

    private sealed record Known(long Head, long Fact);
}
