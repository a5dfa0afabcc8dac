using System.Threading.Channels;
using Compliance.Application.Store;

namespace Compliance.Application.Projections;

public sealed partial class ProjectionRunner
{
    /// <summary>
    /// The pages ahead of the fold, in two stages on their own tasks: one reads the ledger, the next turns the stored
    /// rows into what the fold needs (deserializing them, writing the audit text), so that reading, deserializing and
    /// folding run at once. A rebuild's single read-ahead task, doing both, was its slowest stage (the fold waited 3 s
    /// of 11). Each stage hands on one page at a time: with two queued, more pages outlived the young GCs and the
    /// rebuild of a million events was no faster.
    /// </summary>
    private sealed class ReadAhead : IAsyncDisposable
    {
        private readonly Channel<List<StoredEvent>> stored = Channel.CreateBounded<List<StoredEvent>>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        private readonly Channel<List<ReadEvent>> prepared = Channel.CreateBounded<List<ReadEvent>>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        private readonly CancellationTokenSource stop;
        private readonly Task reading;
        private readonly Task preparing;

        public ReadAhead(IEventReader reader, int pageSize, Func<StoredEvent, ReadEvent> prepare, long from, CancellationToken ct)
        {
            stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            reading = Task.Run(() => ReadAsync(reader, pageSize, from, stop.Token), CancellationToken.None);
            preparing = Task.Run(() => PrepareAsync(prepare, stop.Token), CancellationToken.None);
        }

        /// <summary>The next page in ledger order; empty at the head.</summary>
        public async Task<List<ReadEvent>> NextAsync(CancellationToken ct) =>
            await prepared.Reader.WaitToReadAsync(ct) && prepared.Reader.TryRead(out var page) ? page : [];

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await Task.WhenAll(reading, preparing); // neither throws: each hands its failure on through its channel
            stop.Dispose();
        }

        private async Task ReadAsync(IEventReader reader, int pageSize, long from, CancellationToken ct)
        {
            try
            {
                while (true)
                {
                    var page = new List<StoredEvent>(pageSize);
                    await foreach (var e in reader.ReadAllAsync(from, pageSize, ct)) page.Add(e);
                    if (page.Count == 0) break;
                    await stored.Writer.WriteAsync(page, ct);
                    from = page[^1].Position + 1;
                }

                stored.Writer.Complete();
            }
            catch (Exception e)
            {
                stored.Writer.Complete(e);
            }
        }

        private async Task PrepareAsync(Func<StoredEvent, ReadEvent> prepare, CancellationToken ct)
        {
            try
            {
                await foreach (var page in stored.Reader.ReadAllAsync(ct))
                {
                    var events = new List<ReadEvent>(page.Count);
                    foreach (var e in page) events.Add(prepare(e));
                    await prepared.Writer.WriteAsync(events, ct);
                }

                prepared.Writer.Complete();
            }
            catch (Exception e)
            {
                prepared.Writer.Complete(e);
            }
        }
    }
}
