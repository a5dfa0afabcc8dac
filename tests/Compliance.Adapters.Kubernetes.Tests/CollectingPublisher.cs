using System.Collections.Concurrent;
using Compliance.Application.Ports;

namespace Compliance.Adapters.Kubernetes.Tests;

/// <summary>A bus that loses what it is given: keeps each publication for assertions and records nothing in the ledger.</summary>
internal sealed class CollectingPublisher : IObservationPublisher
{
    public ConcurrentQueue<(object Message, Guid Id)> Published { get; } = new();

    public Task PublishAsync<T>(T message, Guid messageId, CancellationToken ct) where T : class
    {
        Published.Enqueue((message, messageId));
        return Task.CompletedTask;
    }
}
