using Compliance.Application.Serialization;
using Compliance.Application.Store;
using Compliance.Domain.Commands;
using Compliance.Domain.Deciders;
using Compliance.Domain.Events;

namespace Compliance.Application.Handling;

/// <summary>
/// Load stream, Decide, append: the one way commands reach the ledger. Appends with the revision the decision was
/// made on, so a concurrent writer (another process or replica) makes the append fail and the command is decided again
/// on the new history, after a short jittered pause, at most <see cref="MaxAttempts"/> times before
/// <see cref="StreamContendedException"/>. Stream states are cached between commands and checked by that same expected
/// revision. Safe to share: commands are decided one at a time in a process, so concurrent callers never race on the cache.
/// </summary>
public sealed partial class CommandHandler(IEventStore store, EventSerializer? serializer = null) : IDisposable
{
    /// <summary>Attempts at one command while other writers keep moving its stream.</summary>
    public const int MaxAttempts = 10;

    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(400);
    private readonly EventSerializer events = serializer ?? EventSerializer.Default;
    private readonly Dictionary<string, (object State, long? Revision)> cache = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    /// <summary>Decides and appends <paramref name="command"/>.</summary>
    /// <param name="sourceId">The id of the message or request the command came from: event ids derive from it, so
    /// handling the same message twice records nothing twice. Null gives fresh ids.</param>
    public async Task<CommandOutcome> HandleAsync(Command command, Guid? sourceId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        await oneAtATime.WaitAsync(ct);
        try
        {
            return await DecideAndAppendAsync(command, sourceId, ct);
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    private async Task<CommandOutcome> DecideAndAppendAsync(Command command, Guid? sourceId, CancellationToken ct)
    {
        var stream = Streams.For(command);
        var decider = DeciderFunctions.For(command);
        for (var attempt = 1; ; attempt++)
        {
            var (state, revision) = cache.TryGetValue(stream, out var cached) ? cached : await LoadAsync(stream, decider, ct);
            var decision = decider.Decide(command, state);
            if (decision.IsRejected) return new CommandOutcome(stream, revision, [], decision.RejectionReason);
            if (decision.Events.Count == 0)
            {
                cache[stream] = (state, revision);
                return new CommandOutcome(stream, revision, [], null);
            }

            var batch = ToStored(command, decision.Events, sourceId);
            try
            {
                var result = await store.AppendAsync(stream, ExpectedRevision.From(revision), batch, ct);
                cache[stream] = (decision.Events.Aggregate(state, decider.Evolve), result.NextExpectedRevision);
                return new CommandOutcome(stream, result.NextExpectedRevision, result.Positions, null);
            }
            catch (WrongExpectedRevisionException moved)
            {
                cache.Remove(stream);
                if (attempt == MaxAttempts) throw new StreamContendedException(stream, attempt, moved);
                // Writers that lost together would collide again at once: each waits a different, growing while.
                await Task.Delay(PauseAfter(attempt), ct);
            }
            catch (EventIdConflictException conflict) when (sourceId is { } source && conflict.StoredCausationId == source)
            {
                // The ids are this source's, stored for it before (by another replica, or on a state not read yet) and
                // decided again here on a stale state into other content: the source is already recorded.
                cache.Remove(stream);
                var (fresh, current) = await LoadAsync(stream, decider, ct);
                cache[stream] = (fresh, current);
                return new CommandOutcome(stream, current, [], null);
            }
        }
    }

    /// <summary>Half of a cap doubling from <see cref="FirstPause"/> to <see cref="LongestPause"/>, plus a random part of the other half.</summary>
    private static TimeSpan PauseAfter(int attempt)
    {
        var cap = Math.Min(LongestPause.TotalMilliseconds, FirstPause.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(cap / 2 + Random.Shared.NextDouble() * cap / 2);
    }

    /// <summary>The events a command decided, with ids derived from <paramref name="sourceId"/> (fresh ids without one).</summary>
    private List<EventToAppend> ToStored(Command command, IReadOnlyList<DomainEvent> decided, Guid? sourceId)
    {
        var correlation = sourceId ?? Guid.NewGuid();
        return decided
            .Select((e, i) => events.ToStored(e, sourceId is { } s ? EventIds.Derive(s, i) : Guid.NewGuid(),
                new EventMetadata(command.Actor, correlation, sourceId ?? correlation)))
            .ToList();
    }

    /// <summary>Forgets cached stream states (another process may have written).</summary>
    public void Forget()
    {
        oneAtATime.Wait();
        cache.Clear();
        oneAtATime.Release();
    }

    public void Dispose() => oneAtATime.Dispose();

    private async Task<(object State, long? Revision)> LoadAsync(string stream, DeciderFunctions decider, CancellationToken ct)
    {
        var state = decider.Initial;
        long? revision = null;
        await foreach (var stored in store.ReadStreamAsync(stream, Direction.Forwards, 0, int.MaxValue, ct))
        {
            state = decider.Evolve(state, events.FromStored(stored));
            revision = stored.Revision;
        }

        return (state, revision);
    }

    /// <summary>Decides against a history given in memory (tests, previews): no store involved.</summary>
    public static Decision DecideOn(Command command, IEnumerable<DomainEvent> history)
    {
        var decider = DeciderFunctions.For(command);
        return decider.Decide(command, history.Aggregate(decider.Initial, decider.Evolve));
    }
}
