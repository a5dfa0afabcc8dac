using Compliance.Application.Handling;
using Compliance.Application.Serialization;

namespace Compliance.Application.Demo;

/// <summary>Writes a simulated history into a ledger: each step decided and appended as recorded at its own instant.</summary>
public static class DemoRecorder
{
    /// <summary>
    /// Moves the ledger's clock to each step's instant, then handles the step under an event-id source derived from
    /// <paramref name="source"/> and the step's index (the same steps and source give the same ledger). A rejected step
    /// means the simulated history is inconsistent, which is a bug: it throws.
    /// </summary>
    public static async Task RecordAsync(CommandHandler handler, IEnumerable<DemoStep> steps, Guid source, Action<DateTimeOffset> moveClockTo, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(moveClockTo);
        var i = 0;
        foreach (var step in steps)
        {
            moveClockTo(step.At);
            var outcome = await handler.HandleAsync(step.Command, EventIds.Derive(source, i), ct);
            if (!outcome.Accepted)
                throw new InvalidOperationException($"The demo history is inconsistent: step {i} ({step.Command.GetType().Name} at {step.At:O}) was rejected: {outcome.Rejection}");
            i++;
        }
    }
}
