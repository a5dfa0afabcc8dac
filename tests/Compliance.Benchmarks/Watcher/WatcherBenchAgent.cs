using System.Diagnostics;
using System.Globalization;
using Compliance.Adapters.Kubernetes;
using Compliance.Adapters.Messaging.Consumers;
using Compliance.Adapters.Sqlite.Events;
using Compliance.Adapters.Sqlite.ReadModels;
using Compliance.Application.Catalog;
using Compliance.Application.Handling;
using Compliance.Application.Ports;
using Compliance.Application.Projections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using C = Compliance.Contracts.Observations;

namespace Compliance.Benchmarks.Watcher;

/// <summary>
/// The measured process of <c>compliance-bench watcher</c>: the Kubernetes watcher composed as serve composes it
/// (<c>AddComplianceKubernetes</c>, its hosted service in a generic host) on the simulated cluster, publishing either
/// nowhere (counting: the watcher alone) or into a SQLite ledger through the command handler with projections running
/// live (the in-memory ingest path). The ledger is not registered for the watcher to read, so restart reconciliation is
/// off, as for a watcher that starts on an empty ledger. Talks to the driving process over stdin/stdout: prints
/// "synced ..." once the initial list is published, and its figures when told "stop".
/// </summary>
internal static class WatcherBenchAgent
{
    public static async Task<int> RunAsync(string kubeconfig, string folder, bool ledger, int nodes, TextWriter output, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var latency = new LatencyProbe();
        using var store = ledger ? new SqliteEventStore(Path.Combine(folder, "ledger.db"), TimeProvider.System) : null;
        using var handler = store is null ? null : new CommandHandler(store);
        var publisher = new BenchPublisher(handler, latency);
        using var watcher = Watcher(kubeconfig, publisher);
        await watcher.StartAsync(ct);
        var tasks = new List<Task>();
        if (store is not null)
        {
            var readModels = new TimedReadModels(new SqliteReadModelStore(Path.Combine(folder, "readmodels.db")), latency);
            tasks.Add(new ProjectionRunner(store, readModels, CatalogSnapshot.Embedded.Catalog, TimeProvider.System).RunAsync(stop.Token));
        }

        var process = Process.GetCurrentProcess();
        var started = Stopwatch.StartNew();
        var seen = -1L;
        var registry = watcher.Services.GetRequiredService<KubernetesWatchRegistry>();
        while (publisher.Nodes < nodes || publisher.Count != seen || (store is not null && !latency.CaughtUp))
        {
            if (registry.NotWatching is { } why) throw new InvalidOperationException($"the watcher did not start: {why}");
            seen = publisher.Count;
            await Task.Delay(1000, ct);
        }

        process.Refresh();
        var syncCpu = process.TotalProcessorTime;
        var syncWall = started.Elapsed - TimeSpan.FromSeconds(1);
        var syncPeak = PeakResidentBytes();
        latency.Reset();
        var steadyStart = Stopwatch.StartNew();
        output.WriteLine(FormattableString.Invariant($"synced {syncWall.TotalSeconds:F1} {syncCpu.TotalSeconds:F1} {syncPeak} {publisher.Count}"));
        output.Flush();
        var countAtSync = publisher.Count;
        _ = await Console.In.ReadLineAsync(ct);
        await Task.Delay(2000, ct); // the last changes reach the read model
        process.Refresh();
        var steadyCpu = process.TotalProcessorTime - syncCpu;
        var steadyWall = steadyStart.Elapsed;
        var (count, p50, p99, max) = latency.Summary();
        var (_, i50, i99, imax) = latency.IngestSummary();
        output.WriteLine(FormattableString.Invariant(
            $"done {steadyWall.TotalSeconds:F1} {steadyCpu.TotalSeconds:F1} {PeakResidentBytes()} {publisher.Count - countAtSync} {count} {p50:F0} {p99:F0} {max:F0} {GC.GetTotalMemory(false)} {i50:F0} {i99:F0} {imax:F0}"));
        output.Flush();
        await stop.CancelAsync();
        await Task.WhenAll(tasks).ContinueWith(_ => { }, TaskScheduler.Default);
        await watcher.StopAsync(CancellationToken.None);
        return 0;
    }

    /// <summary>The watcher as serve registers it, on the kubeconfig's one context, publishing to <paramref name="publisher"/>; nothing logged.</summary>
    private static IHost Watcher(string kubeconfig, IObservationPublisher publisher)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{KubernetesOptions.Section}:KubeconfigPath"] = kubeconfig,
            [$"{KubernetesOptions.Section}:PageSize"] = "500",
            [$"{KubernetesOptions.Section}:VersionPollInterval"] = "00:01:00",
        });
        builder.Services.AddSingleton(publisher);
        builder.Services.AddComplianceKubernetes(builder.Configuration);
        return builder.Build();
    }

    /// <summary>VmHWM: the process's peak resident set, in bytes.</summary>
    public static long PeakResidentBytes()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? Process.GetCurrentProcess().PeakWorkingSet64
            : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    private static Domain.Events.ObservationEvent ToDomain(object message) => message switch
    {
        C.ControlPlaneVersionObserved m => ObservationMapping.ToDomain(m),
        C.NodeObserved m => ObservationMapping.ToDomain(m),
        C.NodeRemoved m => ObservationMapping.ToDomain(m),
        C.AddOnVersionObserved m => ObservationMapping.ToDomain(m),
        C.AddOnRemoved m => ObservationMapping.ToDomain(m),
        C.DrainRiskFound m => ObservationMapping.ToDomain(m),
        C.DrainRiskResolved m => ObservationMapping.ToDomain(m),
        _ => throw new ArgumentException($"not a watcher observation: {message.GetType().Name}", nameof(message)),
    };

    /// <summary>Counts publications; with a handler, records them in the ledger and notes each stamped node change's position.</summary>
    private sealed class BenchPublisher(CommandHandler? handler, LatencyProbe latency) : IObservationPublisher
    {
        private long count;
        private long nodes;

        public long Count => Interlocked.Read(ref count);

        public long Nodes => Interlocked.Read(ref nodes);

        public async Task PublishAsync<T>(T message, Guid messageId, CancellationToken ct) where T : class
        {
            Interlocked.Increment(ref count);
            var node = message as C.NodeObserved;
            if (node is not null) Interlocked.Increment(ref nodes);
            var stamped = Stamp(node);
            if (handler is null)
            {
                if (stamped is { } at) latency.Published(at);
                return;
            }

            Domain.Commands.Command command = message is C.ClusterInventoryListed listing
                ? new Domain.Commands.ReconcileInventory(ObservationMapping.ToDomain(listing), "watcher:k8s", DateTimeOffset.UtcNow)
                : new Domain.Commands.RecordObservation(ToDomain(message), "watcher:k8s", DateTimeOffset.UtcNow);
            var outcome = await handler.HandleAsync(command, messageId, ct);
            if (outcome.Positions.Count > 0) latency.Recorded(outcome.Positions[^1]);
            if (stamped is { } changed && outcome.Positions.Count > 0) latency.Changed(outcome.Positions[^1], changed);
        }

        private static DateTimeOffset? Stamp(C.NodeObserved? node) =>
            node is not null && node.Labels.TryGetValue(WatcherBenchCluster.StampLabel, out var stamp)
            && long.TryParse(stamp, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ticks)
                ? new DateTimeOffset(ticks, TimeSpan.Zero)
                : null;
    }
}
