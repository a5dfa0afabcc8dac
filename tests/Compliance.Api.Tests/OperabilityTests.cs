using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Compliance.Application.Observability;

namespace Compliance.Api.Tests;

/// <summary>Health, metrics, the OpenAPI document and the API page, all without a key.</summary>
public sealed class OperabilityTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient anonymous = api.ClientFor(null);

    [Fact]
    public async Task liveness_and_readiness_answer_without_a_key_with_the_status_word_only()
    {
        (await anonymous.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var client in new[] { anonymous, api.ClientFor("not-a-configured-key"), api.Auditor(), api.Operator() })
        {
            var ready = await client.GetAsync("/health/ready");
            ready.StatusCode.ShouldBe(HttpStatusCode.OK);
            var body = await ready.Content.ReadFromJsonAsync<JsonElement>();
            body.EnumerateObject().Select(p => p.Name).ShouldBe(["status"]);
            body.GetProperty("status").GetString().ShouldBeOneOf("Healthy", "Degraded");
        }
    }

    [Fact]
    public async Task readiness_with_an_admin_key_names_each_check_and_reports_the_checkpoint()
    {
        var ready = await api.Admin().GetAsync("/health/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await ready.Content.ReadFromJsonAsync<JsonElement>();
        var check = body.GetProperty("checks").GetProperty("store-and-projections");
        check.GetProperty("status").GetString().ShouldBe("Healthy");
        check.GetProperty("data").GetProperty("checkpoint").GetInt64().ShouldBe((await api.LedgerHeadAsync()).Position);
    }

    [Fact]
    public async Task metrics_expose_requests_lags_and_watch_reconnects()
    {
        await api.Auditor().GetAsync("/api/v1/clusters");
        await anonymous.GetStringAsync("/metrics");
        ComplianceMetrics.WatchReconnected("operability-test");
        var text = await anonymous.GetStringAsync("/metrics");
        text.ShouldContain("http_requests_received_total");
        text.ShouldContain("compliance_ingest_lag_events");
        text.ShouldContain("compliance_projection_checkpoint_lag_seconds");
        text.ShouldContain("compliance_watch_reconnects");
        text.ShouldContain("operability-test");
    }

    [Fact]
    public async Task the_openapi_document_describes_every_api_path_with_schemas_examples_and_the_key_scheme()
    {
        var document = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/v1/fleet/eol-risk");
        paths.ShouldContain("/api/v1/clusters/{clusterId}/windows/{windowId}/start");
        paths.Count.ShouldBe(25);
        var schemas = document.GetProperty("components").GetProperty("schemas");
        schemas.GetProperty("RegisterClusterRequest").GetProperty("example").GetProperty("clusterId").GetString().ShouldBe("payments-prod");
        schemas.GetProperty("FleetEolResponse").GetProperty("properties").TryGetProperty("verdicts", out _).ShouldBeTrue();
        document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey").GetProperty("name").GetString().ShouldBe("X-Api-Key");
        var schedule = document.GetProperty("paths").GetProperty("/api/v1/clusters/{clusterId}/windows").GetProperty("post");
        schedule.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ShouldContain("Idempotency-Key");
    }

    [Fact]
    public async Task the_api_page_is_served()
    {
        var response = await anonymous.GetAsync("/scalar/");
        if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.MovedPermanently) response = await anonymous.GetAsync(response.Headers.Location);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("openapi/v1.json");
    }
}
