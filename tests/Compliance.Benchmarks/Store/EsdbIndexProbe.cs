using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Compliance.Adapters.EventStoreDb;
using Compliance.Application.Store;

namespace Compliance.Benchmarks.Store;

/// <summary>
/// The index build measured in a process of its own (the hidden <c>store index-probe</c>), so nothing the benchmark
/// holds is counted: the store is opened, the server reached, then one append times the read of the whole ledger
/// into the index, and the GC heap it added (after full collections) is divided by the events read.
/// </summary>
internal static class EsdbIndexProbe
{
    private const string Prefix = "index-probe";

    /// <summary>The probe's side: prints one line for <see cref="RunAsync"/> to read.</summary>
    public static async Task ProbeAsync(string connectionString, string ledgerStream, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var store = new EventStoreDbEventStore(EsdbConnectionString.Parse(connectionString), ledgerStream, TimeProvider.System);
        var row = EsdbStoreBench.Rows(1)[0];
        // The channel and the read path, before the baseline: the head read does not build the index.
        await store.ReadHeadAsync(ct).ConfigureAwait(false);
        using var process = Process.GetCurrentProcess();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        process.Refresh();
        var workingSet = process.WorkingSet64;
        var clock = Stopwatch.StartNew();
        var appended = await store.AppendAsync("index-probe", ExpectedRevision.Any, [row], ct).ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        process.Refresh();
        GC.KeepAlive(store);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Prefix} {appended.Positions[0] - 1} {seconds:R} {heapAfter - heap} {process.WorkingSet64 - workingSet}"));
    }

    /// <summary>Starts this program as the probe on <paramref name="ledgerStream"/> and reads its figures.</summary>
    public static async Task<IndexFigures> RunAsync(string connectionString, string ledgerStream, CancellationToken ct)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("cannot tell this process's executable");
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        foreach (var arg in (string[])["store", "index-probe", "--store", connectionString, "--ledger-stream", ledgerStream]) start.ArgumentList.Add(arg);
        using var probe = Process.Start(start) ?? throw new InvalidOperationException("the index probe did not start");
        var output = await probe.StandardOutput.ReadToEndAsync(ct).ConfigureAwait(false);
        var error = await probe.StandardError.ReadToEndAsync(ct).ConfigureAwait(false);
        await probe.WaitForExitAsync(ct).ConfigureAwait(false);
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal));
        if (probe.ExitCode != 0 || line is null) throw new InvalidOperationException($"the index probe failed (exit {probe.ExitCode}): {error}{output}");
        var f = line.Split(' ');
        return new IndexFigures(long.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture),
            long.Parse(f[3], CultureInfo.InvariantCulture), long.Parse(f[4], CultureInfo.InvariantCulture));
    }
}
