using System.Runtime.CompilerServices;
using Compliance.Application.Store;

namespace Compliance.Application.Reports;

/// <summary>
/// The ledger cut at a global position: the history a report stands on. Verifying the chain through it gives the same
/// answer however many events (later reports included) were appended since, so a report stays reproducible.
/// </summary>
internal sealed class LedgerPrefix(IEventReader reader, long lastPosition) : IEventReader
{
    public async IAsyncEnumerable<StoredEvent> ReadAllAsync(long fromPosition, int maxCount, [EnumeratorCancellation] CancellationToken ct)
    {
        if (fromPosition > lastPosition) yield break;
        var count = (int)Math.Min(maxCount, lastPosition - fromPosition + 1);
        await foreach (var e in reader.ReadAllAsync(fromPosition, count, ct))
        {
            if (e.Position > lastPosition) yield break;
            yield return e;
        }
    }

    public IAsyncEnumerable<StoredEvent> ReadStreamAsync(string stream, Direction direction, long fromRevision, int maxCount, CancellationToken ct) =>
        throw new NotSupportedException("a ledger prefix is read in global order only");

    public IAsyncEnumerable<StoredEvent> SubscribeToAllAsync(long afterPosition, CancellationToken ct) =>
        throw new NotSupportedException("a ledger prefix is read in global order only");

    public Task<(long Position, string Hash)> ReadHeadAsync(CancellationToken ct) =>
        throw new NotSupportedException("a ledger prefix is read in global order only");
}
