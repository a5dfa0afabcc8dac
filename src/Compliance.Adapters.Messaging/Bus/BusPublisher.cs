using Compliance.Application.Ports;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Compliance.Adapters.Messaging.Bus;

/// <summary>
/// Publishes observations and integration events with the caller's deterministic message id as the envelope's
/// <c>messageId</c>. While the broker is unreachable it keeps retrying with exponential backoff (up to 5 s between
/// attempts) until the publish is confirmed or the caller cancels: a repeat is harmless because the id is the same.
/// An attempt that gets no answer within <see cref="AttemptTimeout"/> counts as failed: a publish in flight when the
/// broker went away can wait for its confirm forever (RabbitMQ.Client 7.2, rabbitmq-dotnet-client issues 1928 and
/// 1930), which stalled a watcher for good after a broker restart.
/// Only contracts go on the bus: a type outside <c>Compliance.Contracts</c> is refused.
/// </summary>
internal sealed partial class BusPublisher(IBus bus, TimeProvider time, ILogger<BusPublisher> log) : IObservationPublisher, IIntegrationEventPublisher
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long one attempt may wait for the broker's confirm before it is given up and tried again. Measured on the
    /// system clock, not <c>time</c>: it guards a network wait, and a simulated clock jumping ahead must not fire it.
    /// </summary>
    internal TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public async Task PublishAsync<T>(T message, Guid messageId, CancellationToken ct) where T : class
    {
        ArgumentNullException.ThrowIfNull(message);
        var type = message.GetType();
        if (type.Namespace?.StartsWith("Compliance.Contracts.", StringComparison.Ordinal) != true)
            throw new ArgumentException($"{type.FullName} is not a bus contract (Compliance.Contracts.*); map it in a gateway first", nameof(message));

        var delay = FirstDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(ct);
                try
                {
                    await bus.Publish(message, type, c => c.MessageId = messageId, giveUp.Token).WaitAsync(AttemptTimeout, TimeProvider.System, ct);
                }
                finally
                {
                    // a hung attempt is abandoned; if the transport honours cancellation it stops waiting too
                    await giveUp.CancelAsync();
                }

                if (attempt > 1) LogPublishedAfterRetry(type.Name, messageId, attempt);
                return;
            }
            catch (Exception e) when (!ct.IsCancellationRequested && e is not ArgumentException)
            {
                LogPublishFailed(e, type.Name, messageId, attempt, delay);
                await Task.Delay(delay, time, ct);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing {MessageType} {MessageId} failed (attempt {Attempt}); retrying in {Delay}")]
    private partial void LogPublishFailed(Exception e, string messageType, Guid messageId, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Published {MessageType} {MessageId} after {Attempt} attempts")]
    private partial void LogPublishedAfterRetry(string messageType, Guid messageId, int attempt);
}
