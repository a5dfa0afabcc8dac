using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Compliance.Testing.Kubernetes;

namespace Compliance.Benchmarks.Watcher;

/// <summary>
/// <c>compliance-bench watcher</c>: a simulated cluster served by the local Kubernetes API server in this process, a
/// watcher in a child process (so its memory and CPU are its own), node changes at a steady rate. Two runs: the watcher
/// alone (publishing nowhere), then the in-memory ingest path (watcher, command handler, SQLite ledger, live projections)
/// with observation-to-read-model latency.
/// </summary>
internal static class WatcherBench
{
    public static async Task RunAsync(int nodes, int pods, int rate, int seconds, bool versions, IReadOnlyList<bool> runs, string scratch, TextWriter output, CancellationToken ct)
    {
        await using var api = await LocalKubernetesApi.StartAsync(historyLimit: Math.Max(100_000, rate * seconds * 4), bookmarkInterval: TimeSpan.FromSeconds(5));
        var cluster = new WatcherBenchCluster(api, nodes, pods, versions);
        var seeding = Stopwatch.StartNew();
        cluster.Seed();
        output.WriteLine(FormattableString.Invariant(
            $"simulated cluster: {nodes} nodes, {pods} pods (served at {api.Url}, seeded in {seeding.Elapsed.TotalSeconds:F1} s); {rate} node changes/s ({(versions ? "kubelet patch flips" : "reboot-annotation toggles")}) for {seconds} s per run"));
        var kubeconfig = api.WriteKubeconfig("bench");
        foreach (var ledger in runs)
        {
            var folder = Path.Combine(scratch, "compliance-bench-watcher-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                await RunOnceAsync(cluster, kubeconfig, folder, ledger, nodes, rate, seconds, output, ct);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static async Task RunOnceAsync(WatcherBenchCluster cluster, string kubeconfig, string folder, bool ledger, int nodes, int rate, int seconds,
        TextWriter output, CancellationToken ct)
    {
        using var agent = Process.Start(AgentStart(kubeconfig, folder, ledger, nodes)) ?? throw new InvalidOperationException("could not start the watcher process");
        try
        {
            var synced = await ReadAsync(agent, "synced", ct);
            var changes = 0L;
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
            {
                var due = (long)(clock.Elapsed.TotalSeconds * rate);
                for (; changes < due; changes++) cluster.ChangeNode();
                await Task.Delay(5, ct);
            }

            var driven = clock.Elapsed;
            await agent.StandardInput.WriteLineAsync("stop");
            await agent.StandardInput.FlushAsync(ct);
            var done = await ReadAsync(agent, "done", ct);
            await agent.WaitForExitAsync(ct);
            Print(output, ledger, synced, done, changes, driven);
        }
        finally
        {
            if (!agent.HasExited) agent.Kill(entireProcessTree: true);
        }
    }

    private static void Print(TextWriter output, bool ledger, double[] synced, double[] done, long changes, TimeSpan driven)
    {
        const double MiB = 1024 * 1024;
        output.WriteLine(ledger
            ? "run 2: watcher + command handler + SQLite ledger + live projections (in-memory ingest, no bus)"
            : "run 1: watcher alone (observations counted, not recorded)");
        output.WriteLine(FormattableString.Invariant(
            $"  initial list: {synced[3]:F0} observations in {synced[0]:F1} s, CPU {synced[1]:F1} s, peak resident {synced[2] / MiB:F0} MiB"));
        output.WriteLine(FormattableString.Invariant(
            $"  steady: {changes} node changes in {driven.TotalSeconds:F1} s ({changes / driven.TotalSeconds:F0}/s), {done[3]:F0} observations published, CPU {done[1]:F1} s over {done[0]:F1} s ({100 * done[1] / done[0]:F0}% of one core)"));
        output.WriteLine(FormattableString.Invariant($"  peak resident memory: {done[2] / MiB:F0} MiB (managed heap at the end {done[8] / MiB:F0} MiB)"));
        if (!ledger)
            output.WriteLine(FormattableString.Invariant($"  change-to-publication latency: p50 {done[9]:F0} ms, p99 {done[10]:F0} ms, max {done[11]:F0} ms"));
        if (ledger)
            output.WriteLine(FormattableString.Invariant(
                $"  change-to-read-model latency over {done[4]:F0} changes: p50 {done[5]:F0} ms, p99 {done[6]:F0} ms, max {done[7]:F0} ms (change to ledger: p50 {done[9]:F0} ms, p99 {done[10]:F0} ms, max {done[11]:F0} ms)"));
    }

    private static async Task<double[]> ReadAsync(Process agent, string word, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(15));
        while (await agent.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 0 && parts[0] == word) return [.. parts.Skip(1).Select(p => double.Parse(p, CultureInfo.InvariantCulture))];
        }

        throw new InvalidOperationException($"the watcher process ended before '{word}': {await agent.StandardError.ReadToEndAsync(ct)}");
    }

    private static ProcessStartInfo AgentStart(string kubeconfig, string folder, bool ledger, int nodes)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("cannot tell this process's executable");
        var start = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        foreach (var arg in (string[])["watcher", "agent", "--kubeconfig", kubeconfig, "--dir", folder, "--mode", ledger ? "ledger" : "watch-only",
            "--nodes", nodes.ToString(CultureInfo.InvariantCulture)])
            start.ArgumentList.Add(arg);
        return start;
    }
}
