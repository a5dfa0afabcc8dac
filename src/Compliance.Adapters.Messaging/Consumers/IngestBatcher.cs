using Compliance.Application.Handling;
using Compliance.Domain.Commands;

namespace Compliance.Adapters.Messaging.Consumers;

/// <summary>
/// Group commit for the observation consumers: commands handed in while a batch is being written (or within
/// <c>window</c> of the first one) are decided together through <see cref="CommandHandler.HandleManyAsync"/>, so one
/// ledger transaction carries many messages. Every caller still gets its own outcome and returns only once its events
/// are committed, so each message is acknowledged (or faulted) on its own. Within a batch, commands are ordered by
/// their sequence (the broker's delivery tag) when every one has one, otherwise by arrival: consumers run
/// concurrently, and this restores queue order among messages that arrive together.
/// </summary>
public sealed class IngestBatcher(CommandHandler handler, int maxBatch, TimeSpan window, TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly List<Pending> waiting = [];
    private bool flushing;

    public Task<CommandOutcome> HandleAsync(Command command, Guid sourceId, ulong? sequence, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var pending = new Pending(command, sourceId, sequence, new TaskCompletionSource<CommandOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        bool lead;
        lock (gate)
        {
            waiting.Add(pending);
            lead = !flushing;
            flushing = true;
        }

        if (lead) _ = Task.Run(FlushAsync, CancellationToken.None);
        return pending.Done.Task.WaitAsync(ct);
    }

    private async Task FlushAsync()
    {
        while (true)
        {
            if (window > TimeSpan.Zero && Count() < maxBatch) await Task.Delay(window, time);
            List<Pending> batch;
            lock (gate)
            {
                if (waiting.Count == 0)
                {
                    flushing = false;
                    return;
                }

                batch = waiting.GetRange(0, Math.Min(maxBatch, waiting.Count));
                waiting.RemoveRange(0, batch.Count);
            }

            if (batch.TrueForAll(p => p.Sequence is not null)) batch = [.. batch.OrderBy(p => p.Sequence)];
            await WriteAsync(batch);
        }
    }

    private int Count()
    {
        lock (gate) return waiting.Count;
    }

    /// <summary>An error that is not a decision (the disk, a conflicting id) is given to each message on its own.</summary>
    private async Task WriteAsync(List<Pending> batch)
    {
        try
        {
            var outcomes = await handler.HandleManyAsync([.. batch.Select(p => (p.Command, (Guid?)p.SourceId))], CancellationToken.None);
            for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(outcomes[i]);
        }
        catch (Exception)
        {
            foreach (var p in batch)
            {
                try
                {
                    p.Done.TrySetResult(await handler.HandleAsync(p.Command, p.SourceId, CancellationToken.None));
                }
                catch (Exception e)
                {
                    p.Done.TrySetException(e);
                }
            }
        }
    }

    private sealed record Pending(Command Command, Guid SourceId, ulong? Sequence, TaskCompletionSource<CommandOutcome> Done);
}
