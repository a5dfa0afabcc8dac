using Compliance.Domain.Verdicts;

namespace Compliance.Host.Cli;

/// <summary>
/// Per-cluster patch-latency figures for one period: how many patches (patch levels, as every surface counts them) were
/// released, due, met or breached, and how long they took (<see cref="PatchLatency.ForPeriod"/>).
/// </summary>
internal static class PatchSummary
{
    public static TextTable Table(IReadOnlyList<PatchLatencyVerdict> verdicts, DateOnly from, DateOnly to, DateTimeOffset asOf)
    {
        var table = new TextTable("cluster", "patches", "due", "met", "breached", "open", "sla compliance", "median latency", "worst latency", "critical");
        foreach (var cluster in verdicts.GroupBy(v => v.ClusterId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var period = PatchLatency.ForPeriod(cluster, from, to, asOf);
            var rows = period.Rows;
            var latencies = rows.Where(v => v.Latency is not null).Select(v => v.Latency!.Value).Order().ToList();
            var critical = rows.Where(v => v.Critical).ToList();
            table.Add(cluster.Key, Text.Number(period.Patches), Text.Number(period.Due), Text.Number(period.AppliedWithinSla), Text.Number(period.Breached),
                Text.Number(period.Open), Text.Percent(period.Compliance),
                latencies.Count == 0 ? "" : Text.Duration(latencies[latencies.Count / 2]),
                latencies.Count == 0 ? "" : Text.Duration(latencies[^1]),
                critical.Count == 0 ? "" : string.Join("; ", critical.Select(c => $"{c.Product} {c.Patch}: {c.Status.ToString().ToLowerInvariant()} {Text.Duration(c.Latency)}")));
        }

        return table;
    }
}
