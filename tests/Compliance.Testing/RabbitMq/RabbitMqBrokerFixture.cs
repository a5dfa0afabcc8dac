namespace Compliance.Testing.RabbitMq;

/// <summary>One broker per test collection (xunit collection fixture): tests isolate themselves by queue name.</summary>
public sealed class RabbitMqBrokerFixture : IAsyncLifetime
{
    private RabbitMqBroker? broker;

    public RabbitMqBroker Broker => broker ?? throw new InvalidOperationException("the broker has not started");

    public async Task InitializeAsync() => broker = await RabbitMqBroker.StartNewAsync();

    public async Task DisposeAsync()
    {
        if (broker is not null) await broker.DisposeAsync();
    }
}
