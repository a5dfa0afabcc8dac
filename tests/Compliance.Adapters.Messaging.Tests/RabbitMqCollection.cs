using Compliance.Testing.RabbitMq;

namespace Compliance.Adapters.Messaging.Tests;

/// <summary>One private broker for every RabbitMQ test class; each test uses its own queue.</summary>
[CollectionDefinition(Name)]
public sealed class RabbitMqCollection : ICollectionFixture<RabbitMqBrokerFixture>
{
    public const string Name = "rabbitmq";
}
