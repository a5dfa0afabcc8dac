using Compliance.Application.Store;
using Compliance.Domain.Deciders;

namespace Compliance.Application.Reports;

/// <summary>
/// The position of the ledger's last fact: the last event that is not about the ledger itself. Issued reports (stream
/// <c>reports</c>) and checkpoints of the ledger (streams named <c>checkpoint...</c>) are left out, so issuing a report
/// does not make the next identical request look like a new question. The last answer is kept until the head moves.
/// </summary>
public sealed class FactHead(IEventReader ledger)
{
    private const int Page = 64;
    private volatile Known? last;

    /// <summary>True for the streams that record the ledger's own bookkeeping rather than facts about clusters and products.</summary>
    public static bool IsBookkeeping(string stream) =>
        stream == Streams.Reports || stream.StartsWith("checkpoint", StringComparison.Ordinal);

    public async Task<long> ReadAsync(CancellationToken ct)
    {
        var (head, _) = await ledger.ReadHeadAsync(ct);
        if (last is { } known && known.Head == head) return known.Fact;
        long fact = 0;
        for (var to = head; to >= 1 && fact == 0; to -= Page)
        {
            var from = Math.Max(1, to - Page + 1);
            await foreach (var e in ledger.ReadAllAsync(from, (int)(to - from + 1), ct))
            {
                if (!IsBookkeeping(e.Stream)) fact = e.Position;
            }
        }

        last = new Known(head, fact);
        return fact;
    }

    private sealed record Known(long Head, long Fact);
}
