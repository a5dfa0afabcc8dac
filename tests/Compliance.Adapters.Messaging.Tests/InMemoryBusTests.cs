using Compliance.Application.Integration;
using Compliance.Contracts.Observations;
using Compliance.Domain.Deciders;
using Compliance.Domain.Verdicts;
using MassTransit;

namespace Compliance.Adapters.Messaging.Tests;

/// <summary>The default transport: the same consumers and ledger as with RabbitMQ, in process.</summary>
public sealed class InMemoryBusTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task observation_on_the_in_memory_bus_reaches_the_ledger_and_the_eol_risk_read_model()
    {
        using var ledger = new TestLedger();
        await ledger.RegisterAsync("web-prod");
        await using var host = await BusHost.InMemoryAsync(ledger);

        await host.Publisher.PublishAsync(Observations.ControlPlane("web-prod", "v1.29.3", At), Guid.NewGuid(), CancellationToken.None);

        await Eventually.Until(() => ledger.StreamAsync(Streams.Observations("web-prod")), e => e.Count == 1, "the observation being recorded");
        await ledger.Projections.CatchUpAsync(CancellationToken.None);
        var risk = await ledger.Queries.EolRiskAsync("web-prod", new DateOnly(2026, 11, 2), CancellationToken.None);
        risk.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            v => v.ComponentId.ShouldBe("control-plane"),
            v => v.Cycle.ShouldBe("1.29"),
            v => v.Level.ShouldBe(EolLevel.Eol));
    }

    [Fact]
    public async Task the_same_message_delivered_twice_is_recorded_once()
    {
        using var ledger = new TestLedger();
        await using var host = await BusHost.InMemoryAsync(ledger);
        var id = Guid.NewGuid();
        var first = Observations.Node("web-prod", "node-1", "v1.30.1", At);

        await host.Publisher.PublishAsync(first, id, CancellationToken.None);
        await host.Publisher.PublishAsync(first with { ObservedAt = At.AddMinutes(1) }, id, CancellationToken.None);
        await host.Publisher.PublishAsync(Observations.Node("web-prod", "node-2", "v1.30.1", At), Guid.NewGuid(), CancellationToken.None);

        var stored = await Eventually.Until(() => ledger.StreamAsync(Streams.Observations("web-prod")), e => e.Count >= 2, "both nodes being recorded");
        stored.Select(e => e.Json).Count(j => j.Contains("node-1", StringComparison.Ordinal)).ShouldBe(1);
        stored.Count.ShouldBe(2);
    }

    [Fact]
    public async Task a_rejected_message_does_not_block_the_next_one()
    {
        using var ledger = new TestLedger();
        await using var host = await BusHost.InMemoryAsync(ledger);

        await host.Publisher.PublishAsync(new DrainRiskFound("web-prod", "r1", "NotAKind", "deploy/api", "one replica", null, At, "test"), Guid.NewGuid(), CancellationToken.None);
        await host.Publisher.PublishAsync(Observations.ControlPlane("web-prod", "", At), Guid.NewGuid(), CancellationToken.None);
        await host.Publisher.PublishAsync(Observations.ControlPlane("web-prod", "v1.31.2", At), Guid.NewGuid(), CancellationToken.None);

        var stored = await Eventually.Until(() => ledger.StreamAsync(Streams.Observations("web-prod")), e => e.Count == 1, "the good message being recorded");
        stored[0].Json.ShouldContain("v1.31.2");
    }

    [Fact]
    public async Task a_cluster_listing_records_what_it_lacks_as_gone_once()
    {
        using var ledger = new TestLedger();
        await using var host = await BusHost.InMemoryAsync(ledger);
        await host.Publisher.PublishAsync(Observations.Node("web-prod", "node-1", "v1.30.1", At), Guid.NewGuid(), CancellationToken.None);
        await host.Publisher.PublishAsync(Observations.Node("web-prod", "node-2", "v1.30.1", At), Guid.NewGuid(), CancellationToken.None);
        await Eventually.Until(() => ledger.StreamAsync(Streams.Observations("web-prod")), e => e.Count == 2, "both nodes being recorded");

        var listing = new ClusterInventoryListed("web-prod", ["node-1"], ["kube-system"], [], [], "42", At.AddHours(1), Observations.Source);
        var id = Guid.NewGuid();
        await host.Publisher.PublishAsync(listing, id, CancellationToken.None);
        await host.Publisher.PublishAsync(listing, id, CancellationToken.None);
        await Eventually.Until(() => ledger.StreamAsync(Streams.Observations("web-prod")), e => e.Count == 3, "the removal");
        await host.Publisher.PublishAsync(listing with { ResourceVersion = "43" }, Guid.NewGuid(), CancellationToken.None);
        await host.Publisher.PublishAsync(Observations.ControlPlane("web-prod", "v1.30.1", At), Guid.NewGuid(), CancellationToken.None);

        var stored = await Eventually.Until(() => ledger.StreamAsync(Streams.Observations("web-prod")), e => e.Count == 4, "the message after the later listing");
        stored.Select(e => e.Type).Order().ShouldBe(["V1.ControlPlaneVersionObserved", "V1.NodeObserved", "V1.NodeObserved", "V1.NodeRemoved"]);
        var removed = stored.Single(e => e.Type == "V1.NodeRemoved");
        removed.Json.ShouldContain("node-2");
        removed.CausationId.ShouldBe(id);
    }

    [Fact]
    public async Task the_publisher_refuses_anything_that_is_not_a_contract()
    {
        using var ledger = new TestLedger();
        await using var host = await BusHost.InMemoryAsync(ledger);
        var domainEvent = new Compliance.Domain.Events.NodeRemoved("web-prod", "node-1", At);

        var error = await Should.ThrowAsync<ArgumentException>(() => host.Publisher.PublishAsync(domainEvent, Guid.NewGuid(), CancellationToken.None));
        error.Message.ShouldContain("not a bus contract");
    }

    [Fact]
    public async Task catalog_observations_become_catalog_facts_once()
    {
        using var ledger = new TestLedger();
        await using var host = await BusHost.InMemoryAsync(ledger);
        var patch = new PatchReleased("kubernetes", "1.34", "1.34.99", At, "endoflife.date");
        var cve = new VulnerabilityPublished("kubernetes", "CVE-2099-0001", "high", "test", "https://example.invalid", ["1.34.99"], At, "kubernetes-cve-feed");

        await host.Publisher.PublishAsync(patch, MessageIds.For("patch"), CancellationToken.None);
        await host.Publisher.PublishAsync(cve, MessageIds.For("cve"), CancellationToken.None);
        await host.Publisher.PublishAsync(patch, MessageIds.For("patch-again"), CancellationToken.None);
        await host.Publisher.PublishAsync(patch with { Version = "1.34.100" }, MessageIds.For("sentinel"), CancellationToken.None);

        // messages are recorded one at a time in order, so once the last is stored the repeat before it was handled
        var stored = await Eventually.Until(() => ledger.StreamAsync(Streams.Catalog("kubernetes")), e => e.Any(x => x.Json.Contains("1.34.100", StringComparison.Ordinal)), "the last fact being recorded");
        stored.Select(e => e.Type).ShouldBe(["V1.PatchReleased", "V1.VulnerabilityPublished", "V1.PatchReleased"]);
    }
}
