using System.Text.Json;
using System.Text.RegularExpressions;
using Compliance.Tests.Common;
using YamlDotNet.RepresentationModel;

namespace Compliance.Api.Tests;

/// <summary>The verdicts on /metrics of a real `compliance serve` on the demo ledger, and every metric infra/'s dashboard and alert rules query among them.</summary>
public sealed partial class MetricsTests
{
    [Fact]
    public async Task serve_on_the_demo_ledger_exports_every_metric_the_dashboard_and_the_alert_rules_query()
    {
        var data = await SeededLedger.CopyAsync();
        await using var serve = ServeProcess.Start(data);
        try
        {
            await serve.WaitUntilLiveAsync();
            var scrape = await ScrapeUntilAsync(serve, "compliance_eol_days_left{");
            var exported = MetricName().Matches(scrape).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

            var queried = DashboardExpressions().Concat(RuleExpressions()).SelectMany(e => QueriedMetric().Matches(e).Select(m => m.Value)).ToHashSet(StringComparer.Ordinal);
            queried.Count.ShouldBeGreaterThan(6);
            queried.Where(m => !exported.Contains(m)).ShouldBeEmpty("queried by infra/ but not on /metrics");

            scrape.ShouldContain("compliance_eol_days_left{cluster=\"billing-prod\",component=\"control-plane\",product=\"kubernetes\"");
            scrape.ShouldMatch(@"compliance_patches_open_past_sla\{cluster=""billing-prod""\} [1-9]");
            scrape.ShouldContain("compliance_findings_open{cluster=\"data-prod\",kind=\"missedWindow\"} 1");
            scrape.ShouldContain("compliance_eol_components{cluster=\"web-prod\",level=\"low\"}");
        }
        finally
        {
            await serve.StopAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task the_documented_metrics_are_the_exported_ones_with_their_label_bounds()
    {
        var doc = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root(), "docs", "metrics.md"));
        foreach (var metric in DashboardExpressions().Concat(RuleExpressions()).SelectMany(e => QueriedMetric().Matches(e).Select(m => m.Value)).Distinct())
            doc.ShouldContain($"`{metric}", customMessage: $"{metric} is not in docs/metrics.md");
        doc.ShouldContain("5,000");
    }

    private static async Task<string> ScrapeUntilAsync(ServeProcess serve, string fragment)
    {
        var text = "";
        for (var i = 0; i < 120 && !text.Contains(fragment, StringComparison.Ordinal); i++)
        {
            text = await serve.Http.GetStringAsync("/metrics");
            if (!text.Contains(fragment, StringComparison.Ordinal)) await Task.Delay(500);
        }

        text.ShouldContain(fragment, customMessage: serve.Output);
        return text;
    }

    private static IEnumerable<string> DashboardExpressions()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root(), "infra", "grafana", "compliance-dashboard.json")));
        var expressions = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(p => p.GetProperty("targets").EnumerateArray()).Select(t => t.GetProperty("expr").GetString()!).ToList();
        expressions.AddRange(dashboard.RootElement.GetProperty("templating").GetProperty("list").EnumerateArray()
            .Where(v => v.GetProperty("type").GetString() == "query").Select(v => v.GetProperty("query").GetString()!));
        return expressions;
    }

    private static IEnumerable<string> RuleExpressions()
    {
        using var reader = new StreamReader(Path.Combine(RepositoryPaths.Root(), "infra", "prometheus", "compliance-rules.yaml"));
        var yaml = new YamlStream();
        yaml.Load(reader);
        var groups = (YamlSequenceNode)((YamlMappingNode)yaml.Documents[0].RootNode)["groups"];
        return groups.Children.Cast<YamlMappingNode>().SelectMany(g => ((YamlSequenceNode)g["rules"]).Children.Cast<YamlMappingNode>())
            .Select(r => r["expr"].ToString()).ToList();
    }

    [GeneratedRegex(@"^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{| )", RegexOptions.Multiline)]
    private static partial Regex MetricName();

    [GeneratedRegex(@"\bcompliance_[a-z_]+\b")]
    private static partial Regex QueriedMetric();
}
