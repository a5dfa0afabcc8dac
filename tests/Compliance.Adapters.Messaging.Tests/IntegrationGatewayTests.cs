using Compliance.Adapters.Messaging.Integration;
using Compliance.Application.Integration;
using Compliance.Application.Ports;
using Compliance.Contracts.Integration;
using Compliance.Domain.Commands;
using MassTransit;
using Microsoft.Extensions.Time.Testing;
using DomainEvents = Compliance.Domain.Events;

namespace Compliance.Adapters.Messaging.Tests;

/// <summary>The integration gateway over real read models, publishing on the in-memory bus to a listening endpoint.</summary>
public sealed class IntegrationGatewayTests
{
    private static readonly DateTimeOffset Start = new(2026, 9, 20, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task announces_a_level_once_then_again_only_when_it_crosses_a_line_even_across_a_restart()
    {
        var time = new FakeTimeProvider(Start);
        using var ledger = new TestLedger(time);
        await ledger.RegisterAsync("web-prod");
        await ledger.Handler.HandleAsync(new RecordObservation(
            new DomainEvents.ControlPlaneVersionObserved("web-prod", "v1.34.2", "linux/amd64", Start), "watcher:test", Start), Guid.NewGuid(), CancellationToken.None);
        await ledger.Projections.CatchUpAsync(CancellationToken.None);
        await using var host = await BusHost.InMemoryAsync(ledger);
        var heard = await ListenAsync(host);

        (await host.Gateway.ScanAsync(CancellationToken.None)).ShouldBe(1);
        (await host.Gateway.ScanAsync(CancellationToken.None)).ShouldBe(0);
        var restarted = NewGateway(host, ledger);
        (await restarted.ScanAsync(CancellationToken.None)).ShouldBe(0);

        time.Advance(TimeSpan.FromDays(15)); // 22 days before the 1.34 EOL date: medium becomes high
        (await restarted.ScanAsync(CancellationToken.None)).ShouldBe(1);

        var messages = await Eventually.Until(() => Task.FromResult(heard.ToArray()), m => m.Length == 2, "both announcements arriving");
        messages.Select(m => (m.FromLevel, m.ToLevel)).ShouldBe([(null, "medium"), ("medium", "high")]);
        messages[1].ShouldSatisfyAllConditions(
            m => m.ClusterId.ShouldBe("web-prod"),
            m => m.ComponentId.ShouldBe("control-plane"),
            m => m.Cycle.ShouldBe("1.34"),
            m => m.Eol.ShouldBe(new DateOnly(2026, 10, 27)),
            m => m.DaysLeft.ShouldBe(22),
            m => m.AsOf.ShouldBe(new DateOnly(2026, 10, 5)));
    }

    [Fact]
    public async Task a_patch_whose_sla_passes_with_no_new_event_is_announced_as_soon_as_its_deadline_passes()
    {
        // Scans between events skip judging the fleet; the SLA deadline still ahead must end that skip by itself,
        // well before the periodic full judgement (FullScanEvery) would.
        var time = new FakeTimeProvider(Start);
        using var ledger = new TestLedger(time);
        await ledger.RegisterAsync("web-prod");
        await ledger.Handler.HandleAsync(new RecordObservation(
            new DomainEvents.ControlPlaneVersionObserved("web-prod", "v1.34.2", "linux/amd64", Start.AddDays(-40)), "watcher:test", Start), Guid.NewGuid(), CancellationToken.None);
        var released = Start - PatchSlaOther + TimeSpan.FromMinutes(2);
        await ledger.Handler.HandleAsync(new RecordCatalogFact(
            new DomainEvents.PatchReleased("kubernetes", "1.34", "1.34.99", released, Start), "catalog:test", Start), Guid.NewGuid(), CancellationToken.None);
        await ledger.Projections.CatchUpAsync(CancellationToken.None);
        await using var host = await BusHost.InMemoryAsync(ledger);
        var heard = await ListenAsync<PatchSlaBreached>(host);
        var gateway = NewGateway(host, ledger);

        await gateway.ScanAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1));
        (await gateway.ScanAsync(CancellationToken.None)).ShouldBe(0, "still within the SLA");
        time.Advance(TimeSpan.FromMinutes(2));
        (await gateway.ScanAsync(CancellationToken.None)).ShouldBe(1, "the deadline passed with no new event");
        (await gateway.ScanAsync(CancellationToken.None)).ShouldBe(0);

        var breach = (await Eventually.Until(() => Task.FromResult(heard.ToArray()), m => m.Length == 1, "the breach arriving")).Single();
        breach.ShouldSatisfyAllConditions(
            b => b.ClusterId.ShouldBe("web-prod"),
            b => b.Patch.ShouldBe("1.34.99"),
            b => b.DueAt.ShouldBe(released + PatchSlaOther),
            b => b.AppliedAt.ShouldBeNull());
    }

    [Fact]
    public async Task a_new_event_ends_the_skip_at_once()
    {
        var time = new FakeTimeProvider(Start);
        using var ledger = new TestLedger(time);
        await ledger.RegisterAsync("web-prod");
        await ledger.Projections.CatchUpAsync(CancellationToken.None);
        await using var host = await BusHost.InMemoryAsync(ledger);
        var gateway = NewGateway(host, ledger);
        (await gateway.ScanAsync(CancellationToken.None)).ShouldBe(0, "no component observed yet");

        await ledger.Handler.HandleAsync(new RecordObservation(
            new DomainEvents.ControlPlaneVersionObserved("web-prod", "v1.34.2", "linux/amd64", Start), "watcher:test", Start), Guid.NewGuid(), CancellationToken.None);
        (await gateway.ScanAsync(CancellationToken.None)).ShouldBe(0, "recorded but not yet projected");
        await ledger.Projections.CatchUpAsync(CancellationToken.None);
        (await gateway.ScanAsync(CancellationToken.None)).ShouldBe(1, "the projected observation gives the control plane its first level");
    }

    [Fact]
    public async Task a_corrupt_memory_file_is_an_error_naming_the_file_not_a_silent_republish()
    {
        using var ledger = new TestLedger();
        var path = Path.Combine(ledger.Folder, "integration-published.json");
        await File.WriteAllTextAsync(path, "{ not json");

        var error = await Should.ThrowAsync<InvalidDataException>(() => new PublishedStateFile(path).LoadAsync(CancellationToken.None));
        error.Message.ShouldContain(path);
    }

    private static IntegrationGateway NewGateway(BusHost host, TestLedger ledger) =>
        new(ledger.Queries, ledger.Store, host.Get<IIntegrationEventPublisher>(), new PublishedStateFile(Path.Combine(ledger.Folder, "integration-published.json")), ledger.Time);

    private static readonly TimeSpan PatchSlaOther = Domain.Policies.PatchSla.Default.Other;

    private static Task<System.Collections.Concurrent.ConcurrentQueue<EolRiskChanged>> ListenAsync(BusHost host) => ListenAsync<EolRiskChanged>(host);

    private static async Task<System.Collections.Concurrent.ConcurrentQueue<T>> ListenAsync<T>(BusHost host) where T : class
    {
        var heard = new System.Collections.Concurrent.ConcurrentQueue<T>();
        var handle = host.Bus.ConnectReceiveEndpoint($"listener-{Guid.NewGuid():N}", e => e.Handler<T>(c =>
        {
            heard.Enqueue(c.Message);
            return Task.CompletedTask;
        }));
        await handle.Ready;
        return heard;
    }
}
