namespace Compliance.Application.Ports;

/// <summary>
/// Puts an observation (a <c>Compliance.Contracts.Observations</c> message) on the bus. Watchers pass a deterministic
/// <paramref name="messageId"/> derived from what they saw (cluster, object, resourceVersion or content), so a relist or a
/// retried publish is recorded once: the consumer records under that id and the ledger ignores repeats.
/// </summary>
public interface IObservationPublisher
{
    Task PublishAsync<T>(T message, Guid messageId, CancellationToken ct) where T : class;
}
