using Compliance.Contracts.Observations;
using Compliance.Domain.Deciders;
using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;
using Compliance.Testing.RabbitMq;

namespace Compliance.Adapters.Messaging.Tests;

/// <summary>Observations through a real rabbitmq-server into the real SQLite ledger.</summary>
[Collection(RabbitMqCollection.Name)]
public sealed class RabbitMqBusTests(RabbitMqBrokerFixture fixture)
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task observation_through_rabbitmq_reaches_the_ledger_and_the_eol_risk_read_model()
    {
        using var ledger = new TestLedger();
        await ledger.RegisterAsync("web-prod");
        await using var host = await BusHost.RabbitMqAsync(ledger, fixture.Broker);

        await host.Publisher.PublishAsync(Observations.Node("web-prod", "node-1", "v1.33.2", At), Guid.NewGuid(), CancellationToken.None);

        await Eventually.Until(() => ledger.StreamAsync(Streams.Observations("web-prod")), e => e.Count == 1, "the node being recorded");
        await ledger.Projections.CatchUpAsync(CancellationToken.None);
        var risk = await ledger.Queries.EolRiskAsync("web-prod", new DateOnly(2026, 11, 2), CancellationToken.None);
        var kubelet = risk.Single(v => v.Kind == ComponentKind.Kubelet);
        kubelet.ComponentId.ShouldBe("node/node-1/kubelet");
        kubelet.Cycle.ShouldBe("1.33");
        kubelet.Level.ShouldNotBe(EolLevel.Unknown);
    }

    [Fact]
    public async Task the_same_message_delivered_twice_through_rabbitmq_is_stored_once()
    {
        using var ledger = new TestLedger();
        await using var host = await BusHost.RabbitMqAsync(ledger, fixture.Broker);
        var id = Guid.NewGuid();

        await host.Publisher.PublishAsync(Observations.ControlPlane("api-prod", "v1.32.1", At), id, CancellationToken.None);
        await host.Publisher.PublishAsync(Observations.ControlPlane("api-prod", "v1.32.1", At.AddSeconds(30)), id, CancellationToken.None);
        await host.Publisher.PublishAsync(Observations.Node("api-prod", "node-9", "v1.32.1", At), Guid.NewGuid(), CancellationToken.None);

        // recorded in delivery order within a batch: once the last message is stored, the first copy before it was
        var stored = await Eventually.Until(() => ledger.StreamAsync(Streams.Observations("api-prod")),
            e => e.Any(x => x.Json.Contains("node-9", StringComparison.Ordinal)), "the last message being recorded");
        stored.Select(e => e.Type).ShouldBe(["V1.ControlPlaneVersionObserved", "V1.NodeObserved"]);
    }

    [Fact]
    public async Task a_poison_message_lands_in_the_error_queue_with_its_reason_and_the_next_message_is_recorded()
    {
        using var ledger = new TestLedger();
        await using var host = await BusHost.RabbitMqAsync(ledger, fixture.Broker);
        var poisonId = Guid.NewGuid();

        await host.Publisher.PublishAsync(new AddOnVersionObserved("ops-prod", "kube-system", "coredns", "coredns", "", "coredns", At, "test"), poisonId, CancellationToken.None);
        await host.Publisher.PublishAsync(Observations.ControlPlane("ops-prod", "v1.31.4", At), Guid.NewGuid(), CancellationToken.None);

        var stored = await Eventually.Until(() => ledger.StreamAsync(Streams.Observations("ops-prod")), e => e.Count == 1, "the good message being recorded");
        stored[0].Type.ShouldBe("V1.ControlPlaneVersionObserved");
        await using var connection = await RawRabbit.ConnectAsync(fixture.Broker);
        var dead = await RawRabbit.GetOnceDeclaredAsync(connection, host.Queue + "_error");
        dead.ShouldNotBeNull();
        RawRabbit.Json(dead).GetProperty("messageId").GetGuid().ShouldBe(poisonId);
        RawRabbit.Header(dead, "MT-Fault-ExceptionType").ShouldContain("RejectedMessageException");
        RawRabbit.Header(dead, "MT-Fault-Message").ShouldContain("has no image");
    }
}
