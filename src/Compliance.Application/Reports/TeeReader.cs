using System.Runtime.CompilerServices;
using Compliance.Application.Store;

namespace Compliance.Application.Reports;

/// <summary>Hands every event read in global order to an observer as it passes, so one read of the ledger serves two readers.</summary>
internal sealed class TeeReader(IEventReader inner, Action<StoredEvent> observe) : IEventReader
{
    public async IAsyncEnumerable<StoredEvent> ReadAllAsync(long fromPosition, int maxCount, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var e in inner.ReadAllAsync(fromPosition, maxCount, ct))
        {
            observe(e);
            yield return e;
        }
    }

    public IAsyncEnumerable<StoredEvent> ReadStreamAsync(string stream, Direction direction, long fromRevision, int maxCount, CancellationToken ct) =>
        throw new NotSupportedException("a tee is read in global order only");

    public IAsyncEnumerable<StoredEvent> SubscribeToAllAsync(long afterPosition, CancellationToken ct) =>
        throw new NotSupportedException("a tee is read in global order only");

    public Task<(long Position, string Hash)> ReadHeadAsync(CancellationToken ct) =>
        throw new NotSupportedException("a tee is read in global order only");
}
