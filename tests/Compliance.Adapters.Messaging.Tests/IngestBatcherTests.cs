using Compliance.Adapters.Messaging.Consumers;
using Compliance.Domain.Commands;
using Compliance.Domain.Deciders;
using Compliance.Domain.Events;

namespace Compliance.Adapters.Messaging.Tests;

/// <summary>The group commit behind the observation consumers, over a real SQLite ledger.</summary>
public sealed class IngestBatcherTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task messages_arriving_together_are_recorded_in_delivery_order_not_arrival_order()
    {
        using var ledger = new TestLedger();
        var batcher = new IngestBatcher(ledger.Handler, 100, TimeSpan.FromMilliseconds(200), TimeProvider.System);

        var third = batcher.HandleAsync(Observe("v1.33.3"), Guid.NewGuid(), 3, CancellationToken.None);
        var first = batcher.HandleAsync(Observe("v1.33.1"), Guid.NewGuid(), 1, CancellationToken.None);
        var second = batcher.HandleAsync(Observe("v1.33.2"), Guid.NewGuid(), 2, CancellationToken.None);
        await Task.WhenAll(first, second, third);

        var stored = await ledger.StreamAsync(Streams.Observations("batch-prod"));
        string[] versions = ["v1.33.1", "v1.33.2", "v1.33.3"];
        stored.Select(e => versions.Single(v => e.Json.Contains(v, StringComparison.Ordinal))).ShouldBe(versions);
        (await third).Revision.ShouldBe(2);
    }

    [Fact]
    public async Task a_rejected_message_gets_its_reason_and_the_ones_batched_with_it_are_recorded()
    {
        using var ledger = new TestLedger();
        var batcher = new IngestBatcher(ledger.Handler, 100, TimeSpan.FromMilliseconds(200), TimeProvider.System);

        var good = batcher.HandleAsync(Observe("v1.33.1"), Guid.NewGuid(), 1, CancellationToken.None);
        var bad = batcher.HandleAsync(Observe(""), Guid.NewGuid(), 2, CancellationToken.None);
        var later = batcher.HandleAsync(Observe("v1.34.0"), Guid.NewGuid(), 3, CancellationToken.None);

        (await bad).Rejection.ShouldBe("ControlPlaneVersionObserved for cluster 'batch-prod' has no gitVersion");
        (await good).Changed.ShouldBeTrue();
        (await later).Changed.ShouldBeTrue();
        (await ledger.StreamAsync(Streams.Observations("batch-prod"))).Count.ShouldBe(2);
    }

    private static RecordObservation Observe(string gitVersion) =>
        new(new ControlPlaneVersionObserved("batch-prod", gitVersion, "linux/amd64", At), "watcher:test", At);
}
