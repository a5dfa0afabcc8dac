using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Compliance.Api.Tests;

/// <summary>Every query endpoint's happy path on the seeded demo fleet, checked against what the demo wrote.</summary>
public sealed class QueryTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient client = api.Auditor();

    [Fact]
    public async Task lists_the_ten_demo_clusters()
    {
        var clusters = await client.GetFromJsonAsync<JsonElement>("/api/v1/clusters");
        clusters.GetArrayLength().ShouldBe(10);
        clusters.EnumerateArray().Select(c => c.GetProperty("clusterId").GetString()).ShouldContain("web-prod");
    }

    [Fact]
    public async Task shows_one_cluster_with_its_stream_revisions_and_an_etag()
    {
        var response = await client.GetAsync("/api/v1/clusters/web-prod");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("cluster").GetProperty("environment").GetString().ShouldBe("production");
        var revision = body.GetProperty("clusterRevision").GetInt64();
        response.Headers.ETag!.Tag.ShouldBe($"\"{revision}\"");
        body.GetProperty("maintenanceRevision").GetInt64().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task unknown_cluster_is_a_404_problem()
    {
        var response = await client.GetAsync("/api/v1/clusters/no-such-cluster");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain("no-such-cluster");
    }

    [Fact]
    public async Task cluster_eol_risk_lists_its_running_versions_as_of_the_day_asked()
    {
        var body = await client.GetFromJsonAsync<JsonElement>("/api/v1/clusters/web-prod/eol-risk?asOf=2026-06-01");
        body.GetProperty("asOf").GetString().ShouldBe("2026-06-01");
        var verdicts = body.GetProperty("verdicts").EnumerateArray().ToList();
        verdicts.ShouldNotBeEmpty();
        verdicts.ShouldAllBe(v => v.GetProperty("clusterId").GetString() == "web-prod");
        verdicts.ShouldContain(v => v.GetProperty("componentId").GetString() == "control-plane");
    }

    [Fact]
    public async Task fleet_eol_risk_filters_by_environment_and_minimum_level()
    {
        var all = await client.GetFromJsonAsync<JsonElement>("/api/v1/fleet/eol-risk");
        var production = await client.GetFromJsonAsync<JsonElement>("/api/v1/fleet/eol-risk?environment=production&minLevel=high");
        all.GetProperty("asOf").GetString().ShouldBe("2026-06-15");
        all.GetProperty("count").GetInt32().ShouldBe(all.GetProperty("verdicts").GetArrayLength());
        var selected = production.GetProperty("verdicts").EnumerateArray().ToList();
        selected.Count.ShouldBeLessThan(all.GetProperty("count").GetInt32());
        selected.ShouldAllBe(v => v.GetProperty("clusterId").GetString()!.EndsWith("-prod", StringComparison.Ordinal));
        selected.ShouldAllBe(v => new[] { "high", "eol", "unknown" }.Contains(v.GetProperty("level").GetString()));
    }

    [Fact]
    public async Task fleet_eol_risk_answers_the_same_from_its_cache_until_the_read_models_move()
    {
        var first = await client.GetStringAsync("/api/v1/fleet/eol-risk?asOf=2026-01-10");
        var again = await client.GetStringAsync("/api/v1/fleet/eol-risk?asOf=2026-01-10");
        var otherDay = await client.GetStringAsync("/api/v1/fleet/eol-risk?asOf=2025-03-01");
        again.ShouldBe(first);
        otherDay.ShouldNotBe(first);
    }

    [Fact]
    public async Task checks_any_version_string_without_a_store()
    {
        var body = await client.GetFromJsonAsync<JsonElement>("/api/v1/eol-risk/check?version=v1.29.3-eks-adc7111&asOf=2026-06-15");
        body.GetProperty("product").GetString().ShouldBe("amazon-eks");
        body.GetProperty("cycle").GetString().ShouldBe("1.29");
        body.GetProperty("level").GetString().ShouldNotBe("unknown");
        var unknown = await client.GetFromJsonAsync<JsonElement>("/api/v1/eol-risk/check?version=not-a-version");
        unknown.GetProperty("level").GetString().ShouldBe("unknown");
    }

    [Fact]
    public async Task patch_latency_lists_the_periods_patches_with_their_compliance()
    {
        var body = await client.GetFromJsonAsync<JsonElement>("/api/v1/clusters/web-prod/patch-latency?from=2025-06-01&to=2026-06-15");
        var patches = body.GetProperty("patches").EnumerateArray().ToList();
        patches.ShouldNotBeEmpty();
        patches.ShouldAllBe(p => p.GetProperty("releasedAt").GetDateTimeOffset() >= new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero));
        body.GetProperty("due").GetInt32().ShouldBeGreaterThan(0);
        body.GetProperty("compliance").GetDouble().ShouldBeInRange(0, 1);
    }

    [Fact]
    public async Task findings_list_what_was_detected_by_the_day_asked()
    {
        var now = await client.GetFromJsonAsync<JsonElement>("/api/v1/clusters/web-prod/findings");
        var early = await client.GetFromJsonAsync<JsonElement>("/api/v1/clusters/web-prod/findings?asOf=2025-01-20");
        now.GetProperty("findings").GetArrayLength().ShouldBeGreaterThan(0);
        early.GetProperty("findings").GetArrayLength().ShouldBeLessThan(now.GetProperty("findings").GetArrayLength());
    }

    [Fact]
    public async Task history_pages_through_the_audit_log_with_its_total()
    {
        var first = await client.GetFromJsonAsync<JsonElement>("/api/v1/clusters/web-prod/history?page=1&pageSize=5");
        var second = await client.GetFromJsonAsync<JsonElement>("/api/v1/clusters/web-prod/history?page=2&pageSize=5");
        var total = first.GetProperty("total").GetInt64();
        total.ShouldBeGreaterThan(10);
        second.GetProperty("total").GetInt64().ShouldBe(total);
        var firstPositions = first.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("position").GetInt64()).ToList();
        var secondPositions = second.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("position").GetInt64()).ToList();
        firstPositions.Count.ShouldBe(5);
        secondPositions.Min().ShouldBeGreaterThan(firstPositions.Max());
        var everything = await client.GetFromJsonAsync<JsonElement>($"/api/v1/clusters/web-prod/history?pageSize=500&page=1");
        var pages = (int)Math.Ceiling(total / 500.0);
        var counted = everything.GetProperty("entries").GetArrayLength();
        for (var page = 2; page <= pages; page++)
            counted += (await client.GetFromJsonAsync<JsonElement>($"/api/v1/clusters/web-prod/history?pageSize=500&page={page}")).GetProperty("entries").GetArrayLength();
        counted.ShouldBe((int)total);
    }

    [Fact]
    public async Task report_is_a_pdf_for_the_scope_and_period_recorded_once_in_the_ledger()
    {
        var response = await client.GetAsync("/api/v1/reports?scope=cluster:web-prod&from=2026-03-01&to=2026-06-14&asOf=2026-06-14");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(5).ShouldBe("%PDF-"u8.ToArray());
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        response.Headers.ETag!.Tag.ShouldBe($"\"{sha}\"");
        var head = await api.LedgerHeadAsync();
        var again = await client.GetAsync("/api/v1/reports?scope=cluster:web-prod&from=2026-03-01&to=2026-06-14&asOf=2026-06-14");
        again.Headers.ETag!.Tag.ShouldBe(response.Headers.ETag.Tag);
        (await api.LedgerHeadAsync()).ShouldBe(head);
    }

    [Fact]
    public async Task report_of_an_unknown_cluster_is_a_problem_naming_the_scope()
    {
        var response = await client.GetAsync("/api/v1/reports?scope=cluster:no-such&from=2026-03-01&to=2026-06-15");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("scope");
    }
}
