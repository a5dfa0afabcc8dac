using System.Collections.Concurrent;
using Compliance.Adapters.Messaging.Consumers;
using Compliance.Application.Handling;
using Compliance.Application.Ports;
using Compliance.Domain.Commands;
using C = Compliance.Contracts.Observations;

namespace Compliance.Adapters.Kubernetes.Tests;

/// <summary>
/// The ingest path without the bus: maps each observation contract to its command with the bus consumers' mapping and
/// records it through the real command handler under the message id, as the consumers do. Keeps every publication for
/// assertions.
/// </summary>
internal sealed class LedgerPublisher(CommandHandler handler, TimeProvider time) : IObservationPublisher
{
    public ConcurrentQueue<(object Message, Guid Id)> Published { get; } = new();

    public async Task PublishAsync<T>(T message, Guid messageId, CancellationToken ct) where T : class
    {
        var outcome = await handler.HandleAsync(ToCommand(message, "watcher:k8s", time.GetUtcNow()), messageId, ct);
        if (outcome.Rejection is { } why) throw new InvalidOperationException($"{typeof(T).Name} rejected: {why}");
        Published.Enqueue((message, messageId));
    }

    public IReadOnlyList<T> Of<T>() => [.. Published.Select(p => p.Message).OfType<T>()];

    private static Command ToCommand(object message, string actor, DateTimeOffset now) => message switch
    {
        C.ClusterInventoryListed m => new ReconcileInventory(ObservationMapping.ToDomain(m), actor, now),
        C.ControlPlaneVersionObserved m => new RecordObservation(ObservationMapping.ToDomain(m), actor, now),
        C.NodeObserved m => new RecordObservation(ObservationMapping.ToDomain(m), actor, now),
        C.NodeRemoved m => new RecordObservation(ObservationMapping.ToDomain(m), actor, now),
        C.AddOnVersionObserved m => new RecordObservation(ObservationMapping.ToDomain(m), actor, now),
        C.AddOnRemoved m => new RecordObservation(ObservationMapping.ToDomain(m), actor, now),
        C.DrainRiskFound m => new RecordObservation(ObservationMapping.ToDomain(m), actor, now),
        C.DrainRiskResolved m => new RecordObservation(ObservationMapping.ToDomain(m), actor, now),
        _ => throw new ArgumentException($"not an observation the watcher publishes: {message.GetType().Name}", nameof(message)),
    };
}
