using Compliance.Application.Store;
using Compliance.Domain.Commands;
using Compliance.Domain.Deciders;

namespace Compliance.Application.Handling;

public sealed partial class CommandHandler
{
    /// <summary>
    /// Handles many commands as if each were given to <see cref="HandleAsync"/> in order, but appends every stream's
    /// events in ONE store call (<see cref="IEventWriter.AppendManyAsync"/>: one transaction, one commit): the commands of
    /// a stream are decided in order against its state (evolved after each accepted decision), and each stream's events
    /// are appended with the revision its first decision was made on. Event ids derive from each command's source id
    /// exactly as in <see cref="HandleAsync"/>, so a redelivered batch records nothing twice. When another writer moved a
    /// stream, or a stream's batch mixes stored and new ids, nothing of the call is written: that stream's commands are
    /// handled one by one instead and the other streams are appended again together. Rejections come back per command,
    /// in the order given, and never stop the others.
    /// </summary>
    public async Task<IReadOnlyList<CommandOutcome>> HandleManyAsync(IReadOnlyList<(Command Command, Guid? SourceId)> commands, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(commands);
        for (var i = 0; i < commands.Count; i++)
            if (commands[i].Command is null) throw new ArgumentException($"command {i} of the batch is null", nameof(commands));

        var byStream = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var streams = new List<string>();
        for (var i = 0; i < commands.Count; i++)
        {
            var stream = Streams.For(commands[i].Command);
            if (!byStream.TryGetValue(stream, out var indexes))
            {
                byStream[stream] = indexes = [];
                streams.Add(stream);
            }

            indexes.Add(i);
        }

        var outcomes = new CommandOutcome[commands.Count];
        await oneAtATime.WaitAsync(ct);
        try
        {
            var pending = new List<StreamBatch>(streams.Count);
            foreach (var stream in streams)
                if (await DecideStreamAsync(stream, byStream[stream], commands, outcomes, ct) is { } batch) pending.Add(batch);
            await AppendAllAsync(pending, commands, outcomes, ct);
        }
        finally
        {
            oneAtATime.Release();
        }

        return outcomes;
    }

    /// <summary>Decides one stream's commands in order; null when none of them has anything to append.</summary>
    private async Task<StreamBatch?> DecideStreamAsync(string stream, List<int> indexes, IReadOnlyList<(Command Command, Guid? SourceId)> commands,
        CommandOutcome[] outcomes, CancellationToken ct)
    {
        var decider = DeciderFunctions.For(commands[indexes[0]].Command);
        var (state, revision) = cache.TryGetValue(stream, out var cached) ? cached : await LoadAsync(stream, decider, ct);
        var batch = new List<EventToAppend>();
        var appended = new List<(int Index, int Offset, int Count)>();
        var running = revision;
        foreach (var i in indexes)
        {
            var (command, sourceId) = commands[i];
            var decision = decider.Decide(command, state);
            if (decision.IsRejected) outcomes[i] = new CommandOutcome(stream, running, [], decision.RejectionReason);
            else if (decision.Events.Count == 0) outcomes[i] = new CommandOutcome(stream, running, [], null);
            else
            {
                appended.Add((i, batch.Count, decision.Events.Count));
                batch.AddRange(ToStored(command, decision.Events, sourceId));
                state = decision.Events.Aggregate(state, decider.Evolve);
                running = (running ?? -1) + decision.Events.Count;
                outcomes[i] = new CommandOutcome(stream, running, [], null);
            }
        }

        if (batch.Count > 0) return new StreamBatch(stream, revision, state, batch, appended, indexes);
        cache[stream] = (state, revision);
        return null;
    }

    /// <summary>
    /// Appends every decided stream in one call. A failed call wrote nothing, so when it names the stream that failed
    /// (moved by another writer, ids partly stored) the other streams' decisions still hold: that stream goes one
    /// command at a time and the rest are appended together again. Any other error leaves the handler to the caller.
    /// </summary>
    private async Task AppendAllAsync(List<StreamBatch> pending, IReadOnlyList<(Command Command, Guid? SourceId)> commands,
        CommandOutcome[] outcomes, CancellationToken ct)
    {
        while (pending.Count > 0)
        {
            IReadOnlyList<AppendResult> results;
            try
            {
                results = await store.AppendManyAsync([.. pending.Select(b => new StreamAppend(b.Stream, ExpectedRevision.From(b.Revision), b.Events))], ct);
            }
            catch (Exception e) when (FailedStream(e) is { } failed && pending.Find(b => b.Stream == failed) is { } batch)
            {
                pending.Remove(batch);
                cache.Remove(batch.Stream);
                foreach (var i in batch.Indexes) outcomes[i] = await DecideAndAppendAsync(commands[i].Command, commands[i].SourceId, ct);
                continue;
            }

            for (var k = 0; k < pending.Count; k++)
            {
                var (batch, result) = (pending[k], results[k]);
                cache[batch.Stream] = (batch.State, result.NextExpectedRevision);
                foreach (var (index, offset, count) in batch.Appended)
                    outcomes[index] = outcomes[index] with { Positions = result.Positions.Skip(offset).Take(count).ToList() };
            }

            return;
        }
    }

    private static string? FailedStream(Exception e) => e switch
    {
        WrongExpectedRevisionException wrong => wrong.Stream,
        EventIdConflictException conflict => conflict.Stream,
        _ => null,
    };

    /// <summary>One stream's decided events: Revision is the one they were decided on, State the state after them.</summary>
    private sealed record StreamBatch(string Stream, long? Revision, object State, List<EventToAppend> Events,
        List<(int Index, int Offset, int Count)> Appended, List<int> Indexes);
}
