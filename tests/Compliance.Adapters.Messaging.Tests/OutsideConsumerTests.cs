using System.Text.Json;
using Compliance.Contracts.Observations;
using Compliance.Testing.RabbitMq;
using RabbitMQ.Client;
using Xunit.Abstractions;

namespace Compliance.Adapters.Messaging.Tests;

/// <summary>
/// A consumer that is not MassTransit, written only from docs/messages.md: declare the message type's fanout exchange
/// (durable), bind an own queue to it, read the JSON envelope.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class OutsideConsumerTests(RabbitMqBrokerFixture fixture, ITestOutputHelper output)
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task a_plain_rabbitmq_client_reads_eol_risk_changed_from_its_own_queue()
    {
        await using var connection = await RawRabbit.ConnectAsync(fixture.Broker);
        await using var channel = await connection.CreateChannelAsync();
        const string exchange = "Compliance.Contracts.Integration:EolRiskChanged";
        var queue = $"other-system-{Guid.NewGuid():N}";
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(queue, exchange, routingKey: "");

        using var ledger = new TestLedger();
        await ledger.RegisterAsync("web-prod");
        await using var host = await BusHost.RabbitMqAsync(ledger, fixture.Broker);
        await host.Publisher.PublishAsync(Observations.ControlPlane("web-prod", "v1.29.3", At), Guid.NewGuid(), CancellationToken.None);
        await Eventually.Until(() => ledger.StreamAsync(Compliance.Domain.Deciders.Streams.Observations("web-prod")), e => e.Count == 1, "the observation being recorded");
        await ledger.Projections.CatchUpAsync(CancellationToken.None);
        (await host.Gateway.ScanAsync(CancellationToken.None)).ShouldBeGreaterThan(0);

        var got = await RawRabbit.GetAsync(channel, queue);
        got.ShouldNotBeNull();
        got.BasicProperties.ContentType.ShouldBe("application/vnd.masstransit+json");
        var envelope = RawRabbit.Json(got);
        output.WriteLine(JsonSerializer.Serialize(envelope, new JsonSerializerOptions { WriteIndented = true }));
        envelope.GetProperty("messageType")[0].GetString().ShouldBe("urn:message:Compliance.Contracts.Integration:EolRiskChanged");
        envelope.GetProperty("messageId").GetGuid().ShouldNotBe(Guid.Empty);
        var message = envelope.GetProperty("message");
        message.GetProperty("clusterId").GetString().ShouldBe("web-prod");
        message.GetProperty("componentId").GetString().ShouldBe("control-plane");
        message.GetProperty("version").GetString().ShouldBe("v1.29.3");
        message.GetProperty("cycle").GetString().ShouldBe("1.29");
        message.GetProperty("fromLevel").ValueKind.ShouldBe(JsonValueKind.Null);
        message.GetProperty("toLevel").GetString().ShouldBe("eol");
        message.GetProperty("eol").GetString().ShouldBe("2025-02-28");
    }

    [Fact]
    public async Task an_observation_on_the_wire_has_the_documented_envelope()
    {
        await using var connection = await RawRabbit.ConnectAsync(fixture.Broker);
        await using var channel = await connection.CreateChannelAsync();
        const string exchange = "Compliance.Contracts.Observations:NodeObserved";
        var queue = $"tap-{Guid.NewGuid():N}";
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        await channel.QueueDeclareAsync(queue, durable: false, exclusive: true, autoDelete: true);
        await channel.QueueBindAsync(queue, exchange, routingKey: "");
        using var ledger = new TestLedger();
        await using var host = await BusHost.RabbitMqAsync(ledger, fixture.Broker);
        var id = Guid.NewGuid();

        await host.Publisher.PublishAsync(Observations.Node("web-prod", "node-1", "v1.33.2", At), id, CancellationToken.None);

        var got = await RawRabbit.GetAsync(channel, queue);
        got.ShouldNotBeNull();
        var envelope = RawRabbit.Json(got);
        output.WriteLine(JsonSerializer.Serialize(envelope, new JsonSerializerOptions { WriteIndented = true }));
        envelope.GetProperty("messageId").GetGuid().ShouldBe(id);
        envelope.GetProperty("messageType")[0].GetString().ShouldBe("urn:message:Compliance.Contracts.Observations:NodeObserved");
        var message = envelope.GetProperty("message");
        message.GetProperty("nodeInfo").GetProperty("kubeletVersion").GetString().ShouldBe("v1.33.2");
        message.GetProperty("labels").GetProperty("topology.kubernetes.io/zone").GetString().ShouldBe("zone-a");
        message.GetProperty("observedAt").GetDateTimeOffset().ShouldBe(At);
        message.GetProperty("source").GetString().ShouldBe(Observations.Source);
    }
}
