namespace Compliance.Application.Ports;

/// <summary>
/// Puts an integration event (a <c>Compliance.Contracts.Integration</c> message) on the bus for other systems.
/// <paramref name="messageId"/> is derived from the change it announces, so announcing it again (after a crash between
/// publishing and remembering) carries the same id and consumers can drop the repeat.
/// </summary>
public interface IIntegrationEventPublisher
{
    Task PublishAsync<T>(T message, Guid messageId, CancellationToken ct) where T : class;
}
