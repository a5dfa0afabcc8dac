using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Compliance.Api.Tests;

/// <summary>Every command's happy path: a cluster's whole maintenance life through the API, then seen by the queries.</summary>
public sealed class CommandTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient operate = api.Operator();

    [Fact]
    public async Task records_a_clusters_maintenance_from_registration_to_retrospective()
    {
        var now = api.Clock.GetUtcNow();
        await Accepted(operate, "/api/v1/clusters", new
        {
            clusterId = "api-life", displayName = "API life", environment = "staging", ownerTeam = "team-api", flavour = "upstream",
        });
        await Accepted(api.Admin(), "/api/v1/clusters/api-life/policy", new
        {
            windowCron = "0 2 * * 2", windowHours = 4, timeZone = "Europe/Berlin", criticalSlaHours = 48, otherSlaDays = 30,
            noticeDays = 14, stagingSoakDays = 0, eolHighDays = 30, eolMediumDays = 90,
        });
        var starts = now.AddHours(2);
        await Accepted(operate, "/api/v1/clusters/api-life/windows", new
        {
            windowId = "w-1", startsAt = starts, endsAt = starts.AddHours(3), contingencyPlan = "roll back",
            plannedChanges = new[] { new { kind = "controlPlane", product = "kubernetes", toVersion = "1.32.2", changeKind = "patch" } },
        });
        await Accepted(operate, "/api/v1/clusters/api-life/windows/w-1/announce", new { audience = "app teams", changeKinds = new[] { "patch" } });
        api.Clock.SetUtcNow(starts);
        await Accepted(operate, "/api/v1/clusters/api-life/windows/w-1/start", new { });
        await Accepted(operate, "/api/v1/clusters/api-life/windows/w-1/upgrades", new
        {
            kind = "controlPlane", product = "kubernetes", fromVersion = "v1.32.1", toVersion = "v1.32.2",
        });
        await Accepted(operate, "/api/v1/clusters/api-life/windows/w-1/drains", new { node = "node-1", durationSeconds = 95, problems = new[] { "pdbBlocked" } });
        await Accepted(operate, "/api/v1/clusters/api-life/windows/w-1/complete", new { outcome = "succeeded", notes = "fine" });
        await Accepted(operate, "/api/v1/clusters/api-life/windows/w-1/retrospective", new { findings = new[] { "drain slow" }, improvements = new[] { "raise replicas" } });
        var second = starts.AddDays(7);
        await Accepted(operate, "/api/v1/clusters/api-life/windows", new { windowId = "w-2", startsAt = second, endsAt = second.AddHours(2) });
        await Accepted(operate, "/api/v1/clusters/api-life/windows/w-2/abort", new { reason = "change freeze", contingencyUsed = false });
        await Accepted(operate, "/api/v1/clusters/api-life/emergency-patches", new
        {
            emergencyId = "em-1", cveIds = new[] { "CVE-2026-12345" }, products = new[] { "kubernetes" }, startedAt = starts.AddHours(-30), endedAt = starts.AddHours(-29),
        });

        await api.WaitForProjectionsAsync();
        var auditor = api.Auditor();
        var cluster = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/clusters/api-life");
        cluster.GetProperty("cluster").GetProperty("policy").GetProperty("noticeDays").GetInt32().ShouldBe(14);
        cluster.GetProperty("maintenanceRevision").GetInt64().ShouldBe(9);
        var history = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/clusters/api-life/history?pageSize=100");
        history.GetProperty("total").GetInt64().ShouldBe(12);
        var entries = history.GetProperty("entries").EnumerateArray().ToList();
        entries.Count.ShouldBe(12);
        entries.ShouldAllBe(e => e.GetProperty("actor").GetString() == "operator" || e.GetProperty("actor").GetString() == "admin");
    }

    [Fact]
    public async Task a_decider_rejection_is_a_409_problem_with_the_reason_and_appends_nothing()
    {
        var before = await api.LedgerHeadAsync();
        var response = await ApiFactory.PostAsync(operate, "/api/v1/clusters/web-prod/windows/never-scheduled/start", new { });
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString()!.ShouldContain("never-scheduled");
        (await api.LedgerHeadAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task a_command_for_an_unregistered_cluster_is_a_404_problem()
    {
        var before = await api.LedgerHeadAsync();
        var response = await ApiFactory.PostAsync(operate, "/api/v1/clusters/nowhere/windows/w/start", new { });
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("nowhere");
        (await api.LedgerHeadAsync()).ShouldBe(before);
    }

    internal static async Task<JsonElement> Accepted(HttpClient client, string path, object body)
    {
        var response = await ApiFactory.PostAsync(client, path, body);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{path}: {text}");
        var result = JsonSerializer.Deserialize<JsonElement>(text);
        result.GetProperty("changed").GetBoolean().ShouldBeTrue(path);
        response.Headers.ETag!.Tag.ShouldBe($"\"{result.GetProperty("revision").GetInt64()}\"");
        return result;
    }
}
