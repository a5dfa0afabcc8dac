using Compliance.Domain.Commands;
using Compliance.Domain.Events;
using MassTransit;

namespace Compliance.Adapters.Messaging.Consumers;

/// <summary>
/// What every observation consumer does after mapping: record through the command handler under the message id, so a
/// redelivered message appends nothing twice, batched with the messages consumed at the same time
/// (<see cref="IngestBatcher"/>); the consumer returns, and the message is acknowledged, once its events are committed.
/// A rejection makes that message alone poison (error queue, reason in the headers).
/// </summary>
public sealed class ObservationRecorder(IngestBatcher batcher, TimeProvider time)
{
    public Task RecordAsync<T>(ConsumeContext<T> context, ObservationEvent observation, string source) where T : class =>
        HandleAsync(context, new RecordObservation(observation, Actor(source), time.GetUtcNow()));

    public Task RecordAsync<T>(ConsumeContext<T> context, ClusterInventory listing, string source) where T : class =>
        HandleAsync(context, new ReconcileInventory(listing, Actor(source), time.GetUtcNow()));

    public Task RecordAsync<T>(ConsumeContext<T> context, CatalogEvent fact, string source) where T : class =>
        HandleAsync(context, new RecordCatalogFact(fact, Actor(source), time.GetUtcNow()));

    private async Task HandleAsync<T>(ConsumeContext<T> context, Command command) where T : class
    {
        var messageId = context.MessageId
            ?? throw new RejectedMessageException($"{typeof(T).Name} has no messageId: without it a redelivery could be recorded twice");
        var sequence = context.ReceiveContext.TryGetPayload<RabbitMqBasicConsumeContext>(out var rabbit) ? rabbit.DeliveryTag : (ulong?)null;
        var outcome = await batcher.HandleAsync(command, messageId, sequence, context.CancellationToken);
        if (!outcome.Accepted) throw new RejectedMessageException($"{typeof(T).Name} {messageId} rejected: {outcome.Rejection}");
    }

    private static string Actor(string source) => string.IsNullOrWhiteSpace(source) ? "watcher" : $"watcher:{source}";
}
