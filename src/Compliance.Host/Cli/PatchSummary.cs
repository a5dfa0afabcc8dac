using Compliance.Domain.Verdicts;

namespace Compliance.Host.Cli;

/// <summary>Per-cluster patch-latency figures: how many patches were due, met or breached, and how long they took.</summary>
internal static class PatchSummary
{
    public static TextTable Table(IReadOnlyList<PatchLatencyVerdict> verdicts, DateTimeOffset asOf)
    {
        var table = new TextTable("cluster", "patches", "met", "breached", "open", "sla compliance", "median latency", "worst latency", "critical");
        foreach (var cluster in verdicts.GroupBy(v => v.ClusterId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var list = cluster.ToList();
            var latencies = list.Where(v => v.Latency is not null).Select(v => v.Latency!.Value).Order().ToList();
            var critical = list.Where(v => v.Critical).ToList();
            table.Add(cluster.Key, Text.Number(list.Count), Count(list, SlaStatus.Met), Count(list, SlaStatus.Breached), Count(list, SlaStatus.Open),
                Text.Percent(PatchLatency.Compliance(list, asOf).Ratio),
                latencies.Count == 0 ? "" : Text.Duration(latencies[latencies.Count / 2]),
                latencies.Count == 0 ? "" : Text.Duration(latencies[^1]),
                critical.Count == 0 ? "" : string.Join("; ", critical.Select(c => $"{c.Product} {c.Patch} {Text.Words(c.Kind.ToString())}: {c.Status.ToString().ToLowerInvariant()} {Text.Duration(c.Latency)}")));
        }

        return table;
    }

    private static string Count(List<PatchLatencyVerdict> list, SlaStatus status) => Text.Number(list.Count(v => v.Status == status));
}
