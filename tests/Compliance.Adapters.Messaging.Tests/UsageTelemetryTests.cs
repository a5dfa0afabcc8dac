using Compliance.Adapters.Messaging.Bus;
using MassTransit;
using MassTransit.UsageTracking;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Compliance.Adapters.Messaging.Tests;

/// <summary>Issue 13, finding 9: MassTransit's usage telemetry (host OS, time zone, endpoint names, sent to its vendor) is off unless asked for.</summary>
public sealed class UsageTelemetryTests
{
    [Fact]
    public async Task the_running_bus_sends_no_usage_telemetry_by_default()
    {
        using var ledger = new TestLedger();
        await using var host = await BusHost.InMemoryAsync(ledger);

        host.Get<IUsageTracker>().ShouldBeOfType<UsageTracker>().Enabled.ShouldBeFalse();
    }

    [Fact]
    public void the_setting_can_opt_in()
    {
        // Composed but never started: an opted-in bus would try to reach the vendor.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Compliance:Bus:UsageTelemetry"] = "true" }).Build();
        using var provider = new ServiceCollection().AddLogging().AddComplianceMessaging(configuration, BusTransport.InMemory).BuildServiceProvider();

        provider.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled.ShouldBeTrue();
    }
}
