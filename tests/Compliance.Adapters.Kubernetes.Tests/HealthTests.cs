using System.Diagnostics.Metrics;
using Compliance.Adapters.Kubernetes.Watching;
using Compliance.Application.Observability;
using Compliance.Contracts.Observations;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Compliance.Adapters.Kubernetes.Tests;

public sealed class HealthTests
{
    [Fact]
    public async Task watch_state_shows_backing_off_while_the_server_is_down_and_connected_when_it_returns()
    {
        var reconnects = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ComplianceMetrics.MeterName && instrument.Name == "compliance_watch_reconnects") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags) if (tag.Key == "source") reconnects.Enqueue((string)tag.Value!);
        });
        listener.Start();
        await using var h = await WatcherHarness.StartAsync();
        await h.Eventually(() => h.Publisher.Of<DrainRiskFound>().Count == 3, "the first publication");
        var registry = new KubernetesWatchRegistry();
        registry.Set([h.Watcher!.State]);
        var check = new KubernetesHealthCheck(registry);
        await h.Eventually(() => h.Watcher.State.Status == WatchStatus.Connected, "connected");
        (await check.CheckHealthAsync(new HealthCheckContext())).Status.ShouldBe(HealthStatus.Healthy);

        await h.Api.StopAsync();
        await h.Eventually(() => h.Watcher.State.Status == WatchStatus.BackingOff
            && h.Watcher.State.LastFailure?.LastError?.Contains("Connection refused", StringComparison.Ordinal) == true, "backing off, refused");
        var down = await check.CheckHealthAsync(new HealthCheckContext());
        down.Status.ShouldBe(HealthStatus.Degraded);
        down.Description.ShouldBe($"backing off: {WatcherHarness.ClusterId}");
        var cluster = down.Data[WatcherHarness.ClusterId].ShouldBeOfType<Dictionary<string, object?>>();
        cluster["state"].ShouldBe("backing off");
        ((long)cluster["reconnects"]!).ShouldBeGreaterThan(0);
        cluster["lastError"].ShouldNotBeNull().ToString()!.ShouldContain("Connection refused");

        reconnects.ShouldContain($"kubernetes/{WatcherHarness.ClusterId}");
        await h.Eventually(() => h.Watcher.State.Reconnects >= 12, "a dozen failed attempts");
        var warnings = h.Log.Lines.Where(l => l.Level >= LogLevel.Warning).Select(l => l.Text).ToList();
        warnings.Count.ShouldBe(1, string.Join("\n", warnings));
        warnings[0].ShouldStartWith($"Kubernetes cluster {WatcherHarness.ClusterId} is unreachable: ");
        h.Log.Lines.Count(l => l.Level == LogLevel.Debug && l.Text.Contains("failed (", StringComparison.Ordinal)).ShouldBeGreaterThan(6);
        await h.Api.StartAsync();
        await h.Eventually(() => h.Watcher.State.Status == WatchStatus.Connected, "connected again");
        var up = await check.CheckHealthAsync(new HealthCheckContext());
        up.Status.ShouldBe(HealthStatus.Healthy);
        up.Data[WatcherHarness.ClusterId].ShouldBeOfType<Dictionary<string, object?>>()["state"].ShouldBe("connected");
        h.Log.Lines.Count(l => l.Text == $"Kubernetes cluster {WatcherHarness.ClusterId} is reachable again").ShouldBe(1);
    }
}
