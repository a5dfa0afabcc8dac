using System.Diagnostics;
using System.Globalization;
using Compliance.Application.Catalog;
using Compliance.Adapters.Messaging.Bus;
using Compliance.Application.Handling;
using Compliance.Application.Ports;
using Compliance.Application.Projections;
using Compliance.Application.Queries;
using Compliance.Application.Store;
using Compliance.Contracts.Observations;
using Compliance.Domain.Commands;
using Compliance.Domain.Versions;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Environment = Compliance.Domain.Events.Environment;

namespace Compliance.Benchmarks.Bus;

/// <summary>
/// <c>compliance-bench bus</c>: sustained ingest of observations through the bus into the ledger (RabbitMQ and in
/// memory) next to the raw RabbitMQ.Client publish-and-consume rate, and observation-to-read-model latency with the
/// projection running live. A benchmark: it measures and prints, it asserts nothing.
/// </summary>
internal static class BusBench
{
    private const int Clusters = 50;
    private static readonly DateTimeOffset At = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync(BusBenchOptions options, Func<BenchLedger> openLedger, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(openLedger);
        ArgumentNullException.ThrowIfNull(output);
        await (await RawRabbitBench.ConnectAsync(options, ct)).DisposeAsync();
        await output.WriteLineAsync($"bus benchmark: {options.Observations:N0} observations, broker {options.Host}:{options.Port}, {System.Environment.ProcessorCount} cores");
        await output.WriteLineAsync($"each ingest run is measured after a warm-up of {WarmUp(options):N0} observations (JIT)");
        await RawRabbitBench.PublishAndConsumeRateAsync(options, WarmUp(options), 900, ct);
        var rawMeter = new PhaseMeter();
        var raw = await RawRabbitBench.PublishAndConsumeRateAsync(options, options.Observations, 900, ct);
        await output.WriteLineAsync($"raw RabbitMQ.Client publish (confirms, persistent) + consume (ack): {Rate(raw)}; {rawMeter.PerMessage(options.Observations)}");
        foreach (var transport in new[] { "RabbitMq", "InMemory" })
        {
            var (publishRate, ingestRate, cost) = await IngestAsync(options, transport, openLedger, ct);
            await output.WriteLineAsync($"{transport,-8} ingest into the ledger: {Rate(ingestRate)} (publishing alone {Rate(publishRate)}); {cost}");
        }

        foreach (var transport in new[] { "InMemory", "RabbitMq" })
        {
            var latencies = await LatencyAsync(options, transport, openLedger, ct);
            await output.WriteLineAsync(
                $"{transport,-8} observation-to-read-model latency at {options.LatencyRatePerSecond}/s: p50 {Ms(latencies, 0.50)}, p99 {Ms(latencies, 0.99)}, max {Ms(latencies, 1.0)} ({latencies.Length} samples)");
        }
    }

    private static async Task<(double Publish, double Ingest, string Cost)> IngestAsync(BusBenchOptions options, string transport, Func<BenchLedger> openLedger, CancellationToken ct)
    {
        var ledger = openLedger();
        var queue = $"bench-observations-{Guid.NewGuid():N}";
        try
        {
            using var handler = new CommandHandler(ledger.Store);
            await RegisterClustersAsync(handler, ct);
            await using var provider = await StartBusAsync(options, transport, queue, ledger, handler, ct);
            var publisher = provider.GetRequiredService<IObservationPublisher>();
            var warmUp = WarmUp(options);
            var registered = (await ledger.Store.ReadHeadAsync(ct)).Position;
            await PublishAsync(publisher, options.Observations, warmUp, ct);
            await IngestedAsync(ledger, registered, warmUp, ct);

            var baseline = (await ledger.Store.ReadHeadAsync(ct)).Position;
            var meter = new PhaseMeter();
            var clock = Stopwatch.StartNew();
            await PublishAsync(publisher, 0, options.Observations, ct);
            var published = clock.Elapsed;
            await IngestedAsync(ledger, baseline, options.Observations, ct);
            var ingested = clock.Elapsed;
            var cost = meter.PerMessage(options.Observations);
            await provider.GetRequiredService<IBusControl>().StopAsync(ct);
            return (options.Observations / published.TotalSeconds, options.Observations / ingested.TotalSeconds, cost);
        }
        finally
        {
            ledger.Close();
            if (transport == "RabbitMq") await BenchQueues.DeleteAsync(options, queue, CancellationToken.None);
        }
    }

    /// <summary>
    /// Observations published and ingested before the clock starts: the first thousands of messages pay for JIT
    /// compilation of the MassTransit pipelines and the ledger path (about half the CPU of a cold 20,000-message run),
    /// which is start-up, not sustained ingest.
    /// </summary>
    private static int WarmUp(BusBenchOptions options) => Math.Clamp(options.Observations / 4, 1_000, 5_000);

    /// <summary>Publishes observations first .. first + count - 1, 500 in flight at a time.</summary>
    private static async Task PublishAsync(IObservationPublisher publisher, int first, int count, CancellationToken ct)
    {
        for (var start = first; start < first + count; start += 500)
        {
            var wave = Math.Min(500, first + count - start);
            await Task.WhenAll(Enumerable.Range(start, wave).Select(i => publisher.PublishAsync(Node(i), Guid.NewGuid(), ct)));
        }
    }

    private static async Task IngestedAsync(BenchLedger ledger, long baseline, int count, CancellationToken ct)
    {
        while ((await ledger.Store.ReadHeadAsync(ct)).Position < baseline + count) await Task.Delay(10, ct);
    }

    private static async Task<double[]> LatencyAsync(BusBenchOptions options, string transport, Func<BenchLedger> openLedger, CancellationToken ct)
    {
        var ledger = openLedger();
        var queue = $"bench-observations-{Guid.NewGuid():N}";
        try
        {
            using var handler = new CommandHandler(ledger.Store);
            await RegisterClustersAsync(handler, ct);
            var projections = new ProjectionRunner(ledger.Store, ledger.ReadModels, CatalogSnapshot.Embedded.Catalog, TimeProvider.System);
            await projections.CatchUpAsync(ct);
            var baseline = (await ledger.Store.ReadHeadAsync(ct)).Position;
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var live = Task.Run(() => projections.RunAsync(stop.Token), stop.Token);
            await using var provider = await StartBusAsync(options, transport, queue, ledger, handler, ct);
            var publisher = provider.GetRequiredService<IObservationPublisher>();

            var samples = options.LatencySamples;
            var sentAt = new long[samples];
            var latencies = new double[samples];
            var watcher = Task.Run(async () =>
            {
                var seen = 0;
                while (seen < samples)
                {
                    var checkpoint = await ledger.ReadModels.ReadCheckpointAsync(ct);
                    var now = Stopwatch.GetTimestamp();
                    for (; seen < samples && checkpoint >= baseline + seen + 1 && Volatile.Read(ref sentAt[seen]) != 0; seen++)
                        latencies[seen] = Stopwatch.GetElapsedTime(sentAt[seen], now).TotalMilliseconds;
                    await Task.Delay(2, ct);
                }
            }, ct);

            var interval = TimeSpan.FromSeconds(1.0 / options.LatencyRatePerSecond);
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < samples; i++)
            {
                var due = interval * i;
                if (clock.Elapsed < due) await Task.Delay(due - clock.Elapsed, ct);
                Volatile.Write(ref sentAt[i], Stopwatch.GetTimestamp());
                await publisher.PublishAsync(Node(i), Guid.NewGuid(), ct);
            }

            await watcher.WaitAsync(TimeSpan.FromMinutes(5), ct);
            await provider.GetRequiredService<IBusControl>().StopAsync(ct);
            await stop.CancelAsync();
            try
            {
                await live;
            }
            catch (OperationCanceledException)
            {
                // the live projection ends when cancelled
            }

            return [.. latencies.Order()];
        }
        finally
        {
            ledger.Close();
            if (transport == "RabbitMq") await BenchQueues.DeleteAsync(options, queue, CancellationToken.None);
        }
    }

    private static async Task<ServiceProvider> StartBusAsync(BusBenchOptions options, string transport, string queue, BenchLedger ledger, CommandHandler handler, CancellationToken ct)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Compliance:Bus:Transport"] = transport,
            ["Compliance:Bus:ObservationQueue"] = queue,
            ["Compliance:Bus:RabbitMq:Host"] = options.Host,
            ["Compliance:Bus:RabbitMq:Port"] = options.Port.ToString(CultureInfo.InvariantCulture),
            ["Compliance:Bus:RabbitMq:VirtualHost"] = options.VirtualHost,
            ["Compliance:Bus:RabbitMq:Username"] = options.Username,
            ["Compliance:Bus:RabbitMq:Password"] = options.Password,
            ["Compliance:Bus:PublishedStatePath"] = Path.Combine(Path.GetTempPath(), $"bench-published-{Guid.NewGuid():N}.json"),
        };
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(ledger.Store);
        services.AddSingleton(handler);
        services.AddSingleton(new FleetQueries(ledger.ReadModels, CatalogSnapshot.Embedded.Catalog));
        services.AddComplianceMessaging(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), BusTransport.RabbitMq);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IBusControl>().StartAsync(ct);
        return provider;
    }

    private static async Task RegisterClustersAsync(CommandHandler handler, CancellationToken ct)
    {
        for (var c = 0; c < Clusters; c++)
            await handler.HandleAsync(new RegisterCluster($"bench-{c}", $"bench-{c}", Environment.Production, "platform", Flavour.Upstream, null, "bench", At), null, ct);
    }

    private static NodeObserved Node(int i) =>
        new($"bench-{i % Clusters}", $"node-{i:D7}",
            new NodeInfo("v1.33.2", "v1.33.2", "Ubuntu 22.04.4 LTS", "5.15.0-1057-azure", "containerd://1.7.15", "amd64", "linux", $"m{i}", $"u{i}", $"b{i}"),
            new Dictionary<string, string> { ["topology.kubernetes.io/zone"] = $"zone-{i % 3}", ["node.kubernetes.io/instance-type"] = "m5.xlarge" },
            new Dictionary<string, string> { ["cpu"] = "3920m", ["memory"] = "15Gi", ["pods"] = "110" },
            false, new Dictionary<string, string>(), At, "bench");

    private static string Rate(double perSecond) => $"{perSecond.ToString("N0", CultureInfo.InvariantCulture)} msg/s";

    private static string Ms(double[] sorted, double quantile)
    {
        var index = Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1);
        return $"{sorted[index].ToString("0.0", CultureInfo.InvariantCulture)} ms";
    }
}
