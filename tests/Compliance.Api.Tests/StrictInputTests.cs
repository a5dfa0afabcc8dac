using System.Net;

namespace Compliance.Api.Tests;

/// <summary>Issue 13, findings 6 and 7, the accepting side: what the stricter rules must still let through.</summary>
public sealed class StrictInputTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("strict-k3s", "k3s")]
    [InlineData("strict-rke2", "rke2")]
    public async Task clusters_of_the_flavours_whose_names_hold_digits_register(string id, string flavour)
    {
        var response = await ApiFactory.PostAsync(api.Operator(), "/api/v1/clusters",
            new { clusterId = id, displayName = id, environment = "staging", ownerTeam = "t", flavour });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task a_production_cluster_names_a_registered_staging_cluster()
    {
        (await ApiFactory.PostAsync(api.Operator(), "/api/v1/clusters",
            new { clusterId = "strict-staging", displayName = "S", environment = "staging", ownerTeam = "t", flavour = "eks" })).EnsureSuccessStatusCode();
        var production = await ApiFactory.PostAsync(api.Operator(), "/api/v1/clusters",
            new { clusterId = "strict-prod", displayName = "P", environment = "production", ownerTeam = "t", flavour = "eks", stagingClusterId = "strict-staging" });
        production.StatusCode.ShouldBe(HttpStatusCode.OK, await production.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task names_in_any_script_with_free_text_on_several_lines_are_recorded()
    {
        var registered = await ApiFactory.PostAsync(api.Operator(), "/api/v1/clusters",
            new { clusterId = "strict-script", displayName = "Zürich – Betrieb ✓", environment = "staging", ownerTeam = "équipe plateforme", flavour = "aks" });
        registered.StatusCode.ShouldBe(HttpStatusCode.OK, await registered.Content.ReadAsStringAsync());
        var starts = api.Clock.GetUtcNow().AddDays(3);
        var window = await ApiFactory.PostAsync(api.Operator(), "/api/v1/clusters/strict-script/windows",
            new { windowId = "w1", startsAt = starts, endsAt = starts.AddHours(2), contingencyPlan = "1. drain\n2. roll back the pool\n" });
        window.StatusCode.ShouldBe(HttpStatusCode.OK, await window.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/api/v1/fleet/eol-risk?asOf=2200-12-31")]
    [InlineData("/api/v1/fleet/eol-risk?asOf=1970-01-01")]
    [InlineData("/api/v1/clusters/web-prod/eol-risk?asOf=2200-12-31")]
    [InlineData("/api/v1/clusters/web-prod/findings?asOf=2200-12-31")]
    [InlineData("/api/v1/clusters/web-prod/patch-latency?from=1970-01-01&to=2200-12-31")]
    [InlineData("/api/v1/clusters/web-prod/patch-latency?to=1970-01-01")]
    [InlineData("/api/v1/eol-risk/check?version=1.30.1&asOf=2200-12-31")]
    [InlineData("/api/v1/reports?scope=fleet&asOf=1970-01-01")]
    public async Task the_first_and_last_days_accepted_get_an_answer(string path)
    {
        var response = await api.Auditor().GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
