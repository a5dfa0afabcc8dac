using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Compliance.Domain.Deciders;
using Compliance.Testing.RabbitMq;

namespace Compliance.Adapters.Messaging.Tests;

/// <summary>
/// The broker goes away for 10 seconds while a watcher keeps publishing. The publisher retries each message until the
/// broker confirms it (same message id every time), the queue is durable, and the ledger ignores repeats by id: after
/// the broker is back, every change is recorded exactly once.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class BrokerOutageTests(RabbitMqBrokerFixture fixture)
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task broker_stopped_for_ten_seconds_while_publishing_loses_nothing_and_doubles_nothing()
    {
        const int changes = 120;
        using var ledger = new TestLedger();
        await using var host = await BusHost.RabbitMqAsync(ledger, fixture.Broker);
        var clock = Stopwatch.StartNew();
        var confirmed = new ConcurrentQueue<(int Change, TimeSpan At)>();
        var watcher = Task.Run(async () =>
        {
            for (var i = 0; i < changes; i++)
            {
                // a relist may publish the same change again: same content, same deterministic id
                var id = Compliance.Application.Integration.MessageIds.For($"outage-node-{i}");
                await host.Publisher.PublishAsync(Observations.Node("outage", $"node-{i:D3}", "v1.33.2", At.AddSeconds(i)), id, CancellationToken.None);
                if (i % 10 == 0) await host.Publisher.PublishAsync(Observations.Node("outage", $"node-{i:D3}", "v1.33.2", At.AddSeconds(i)), id, CancellationToken.None);
                confirmed.Enqueue((i, clock.Elapsed));
                await Task.Delay(100);
            }
        });

        await Eventually.Until(() => Task.FromResult(confirmed.Count), c => c >= 20, "the watcher publishing");
        var stopping = clock.Elapsed;
        await fixture.Broker.StopAsync();
        var stopped = clock.Elapsed;
        var confirmedWhenStopped = confirmed.Count;
        await Task.Delay(TimeSpan.FromSeconds(5));
        var refused = await RefusedAsync(fixture.Broker.Port);
        await Task.Delay(TimeSpan.FromSeconds(5));
        var confirmedDuringOutage = confirmed.Count - confirmedWhenStopped;
        var starting = clock.Elapsed;
        await fixture.Broker.StartAsync();
        var started = clock.Elapsed;
        string Timeline() => $"stop {stopping.TotalSeconds:0.00}-{stopped.TotalSeconds:0.00} s, start {starting.TotalSeconds:0.00}-{started.TotalSeconds:0.00} s, "
            + $"now {clock.Elapsed.TotalSeconds:0.00} s; confirmed: " + string.Join(", ", confirmed.Select(c => $"{c.Change}@{c.At.TotalSeconds:0.00}"));
        try
        {
            await watcher.WaitAsync(TimeSpan.FromSeconds(120));
        }
        catch (TimeoutException)
        {
            throw new ShouldAssertException($"the watcher did not publish every change within 120 s of the broker's restart ({Timeline()})");
        }

        var stored = await Eventually.Until(() => ledger.StreamAsync(Streams.Observations("outage")), e => e.Count >= changes, "every change being recorded", seconds: 90);
        var timeline = Timeline();
        refused.ShouldBeTrue($"the broker's port is closed while it is stopped ({timeline})");
        // The change in flight when the broker stopped may have been confirmed just before, its continuation running late.
        confirmedDuringOutage.ShouldBeLessThanOrEqualTo(1, $"no publish is confirmed while the broker is down ({timeline})");
        stored.Count.ShouldBe(changes);
        stored.Select(e => e.Json).Distinct().Count().ShouldBe(changes);
        for (var i = 0; i < changes; i++) stored.Count(e => e.Json.Contains($"\"node-{i:D3}\"", StringComparison.Ordinal)).ShouldBe(1);
    }

    private static async Task<bool> RefusedAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }
}
