using Compliance.Application.Store;
using Compliance.Domain.Commands;
using Compliance.Domain.Deciders;

namespace Compliance.Application.Handling;

public sealed partial class CommandHandler
{
    /// <summary>
    /// Handles many commands as if each were given to <see cref="HandleAsync"/> in order, but appends each stream's
    /// events in one transaction: the commands of a stream are decided in order against its state (evolved after each
    /// accepted decision), and the events are appended with the revision the first decision was made on. Event ids
    /// derive from each command's source id exactly as in <see cref="HandleAsync"/>, so a redelivered batch records
    /// nothing twice. When another writer moved the stream, or the batch mixes stored and new ids, that stream's
    /// commands are handled one by one instead. Rejections come back per command, in the order given.
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
            foreach (var stream in streams) await HandleStreamAsync(stream, byStream[stream], commands, outcomes, ct);
        }
        finally
        {
            oneAtATime.Release();
        }

        return outcomes;
    }

    private async Task HandleStreamAsync(string stream, List<int> indexes, IReadOnlyList<(Command Command, Guid? SourceId)> commands,
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

        if (batch.Count == 0)
        {
            cache[stream] = (state, revision);
            return;
        }

        try
        {
            var result = await store.AppendAsync(stream, ExpectedRevision.From(revision), batch, ct);
            cache[stream] = (state, result.NextExpectedRevision);
            foreach (var (index, offset, count) in appended)
                outcomes[index] = outcomes[index] with { Positions = result.Positions.Skip(offset).Take(count).ToList() };
        }
        catch (Exception e) when (e is WrongExpectedRevisionException or EventIdConflictException)
        {
            cache.Remove(stream);
            foreach (var i in indexes) outcomes[i] = await DecideAndAppendAsync(commands[i].Command, commands[i].SourceId, ct);
        }
    }
}
