using System.Text.Json;
using Compliance.Application.Catalog;
using Compliance.Application.Queries;
using Compliance.Domain.Verdicts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace Compliance.Host.Serve;

/// <summary>
/// The verdicts as Prometheus gauges, read from the read models every <see cref="Every"/> (a scrape reads memory only):
/// days to end of life per running component, components per EOL level, open patches past their SLA, SLA compliance,
/// open findings by kind. docs/metrics.md lists them with their labels and bounds; series of what is gone are removed.
/// </summary>
internal sealed class VerdictMetrics(FleetQueries fleet, CatalogSnapshot catalog, TimeProvider time, ILogger<VerdictMetrics> log) : BackgroundService
{
    /// <summary>At most this many series of compliance_eol_days_left (worst first); the rest are counted as dropped.</summary>
    public const int MaxEolSeries = 5000;

    public static readonly TimeSpan Every = TimeSpan.FromSeconds(30);

    private static readonly Gauge EolDaysLeft = Metrics.CreateGauge("compliance_eol_days_left",
        "Days until the end of life (or of extended support, where it counts) of a running component's cycle; negative past it",
        "cluster", "component", "product", "cycle", "level");

    private static readonly Gauge EolComponents = Metrics.CreateGauge("compliance_eol_components",
        "Running components (instances aggregated per kind) at each EOL level", "cluster", "level");

    private static readonly Gauge EolDropped = Metrics.CreateGauge("compliance_eol_series_dropped",
        $"Components left out of compliance_eol_days_left because it holds at most {MaxEolSeries} series (the lowest risk go first)");

    private static readonly Gauge OpenPastSla = Metrics.CreateGauge("compliance_patches_open_past_sla",
        "Released patches not applied yet although their SLA deadline has passed", "cluster");

    private static readonly Gauge SlaCompliance = Metrics.CreateGauge("compliance_patch_sla_compliance_ratio",
        "Share of the patches due in the last 365 days that were applied within their SLA (1 when none was due)", "cluster");

    private static readonly Gauge FindingsOpen = Metrics.CreateGauge("compliance_findings_open",
        "Open process and drain-readiness findings", "cluster", "kind");

    private static readonly Gauge Clusters = Metrics.CreateGauge("compliance_clusters", "Registered clusters", "environment");

    private static readonly Gauge CatalogAge = Metrics.CreateGauge("compliance_catalog_age_days",
        "Days since the oldest retrieval of the shipped release catalog (its facts age from then)");

    private static readonly Gauge Refreshed = Metrics.CreateGauge("compliance_verdict_metrics_refreshed_timestamp_seconds",
        "When the verdict metrics were last read from the read models (Unix time)");

    private readonly Dictionary<Gauge, HashSet<string[]>> published = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning("Could not read the verdicts for /metrics ({Error})", e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task RefreshAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = Days.Of(now);
        var clusters = await fleet.ClustersAsync(ct);
        var eol = await fleet.EolRiskAsync(null, today, ct);
        var patches = await fleet.PatchLatencyAsync(null, now, ct);
        var findings = await fleet.FindingsAsync(null, now, ct);

        var withDates = eol.Where(v => v.Deadline()?.DaysLeft is not null).ToList();
        Set(EolDaysLeft, withDates.Take(MaxEolSeries).Select(v => (Labels(v.ClusterId, v.ComponentId, v.Product, v.Cycle, Level(v.Level)), (double)v.Deadline()!.DaysLeft)));
        EolDropped.Set(Math.Max(0, withDates.Count - MaxEolSeries));
        Set(EolComponents, clusters.SelectMany(c => Enum.GetValues<EolLevel>().Select(level =>
            (Labels(c.ClusterId, Level(level)), (double)eol.Count(v => v.ClusterId == c.ClusterId && v.Level == level)))));

        var yearAgo = now.AddDays(-365);
        Set(OpenPastSla, clusters.Select(c => (Labels(c.ClusterId),
            (double)patches.Count(p => p.ClusterId == c.ClusterId && p.AppliedAt is null && p.DueAt <= now))));
        Set(SlaCompliance, clusters.Select(c => (Labels(c.ClusterId),
            PatchLatency.Compliance(patches.Where(p => p.ClusterId == c.ClusterId && p.ReleasedAt >= yearAgo), now).Ratio ?? 1.0)));
        var open = findings.Where(f => f.IsOpenAt(now)).ToList();
        Set(FindingsOpen, clusters.SelectMany(c => Enum.GetValues<FindingKind>().Select(kind =>
            (Labels(c.ClusterId, JsonNamingPolicy.CamelCase.ConvertName(kind.ToString())), (double)open.Count(f => f.ClusterId == c.ClusterId && f.Kind == kind)))));
        Set(Clusters, clusters.GroupBy(c => c.Environment).Select(g => (Labels(g.Key), (double)g.Count())));

        if (catalog.AgeInDays(today) is { } age) CatalogAge.Set(age);
        Refreshed.Set(now.ToUnixTimeMilliseconds() / 1000.0);
    }

    /// <summary>Sets every series of the gauge and removes the series set last time that are not in <paramref name="values"/>.</summary>
    private void Set(Gauge gauge, IEnumerable<(string[] Labels, double Value)> values)
    {
        var now = new HashSet<string[]>(LabelComparer.Instance);
        foreach (var (labels, value) in values)
        {
            gauge.WithLabels(labels).Set(value);
            now.Add(labels);
        }

        if (published.TryGetValue(gauge, out var before))
            foreach (var gone in before.Where(l => !now.Contains(l))) gauge.RemoveLabelled(gone);
        published[gauge] = now;
    }

    private static string[] Labels(params string[] values) => values;

    private static string Level(EolLevel level) => level.ToString().ToLowerInvariant();

    private sealed class LabelComparer : IEqualityComparer<string[]>
    {
        public static readonly LabelComparer Instance = new();

        public bool Equals(string[]? x, string[]? y) => x is not null && y is not null && x.SequenceEqual(y, StringComparer.Ordinal);

        public int GetHashCode(string[] obj) => obj.Aggregate(17, (h, s) => HashCode.Combine(h, StringComparer.Ordinal.GetHashCode(s)));
    }
}
