using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Compliance.Api.Tests;

/// <summary>
/// Exceptions through the API on the seeded demo ledger (billing-prod's control plane runs a cycle past its end of
/// life): an operator requests, a different admin approves; the accepted risk is shown as accepted, with who, why and
/// until when, and comes back open on its expiry day.
/// </summary>
public sealed class ExceptionApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string At = "/api/v1/clusters/billing-prod/exceptions";

    private static object Request(string id, string? componentId = "control-plane", string expires = "2026-09-01") => new
    {
        exceptionId = id, componentId, reason = "vendor certification of the next cycle is due in August", expiresOn = expires,
    };

    [Fact]
    public async Task an_operator_requests_a_different_admin_approves_and_the_risk_shows_as_accepted_until_its_expiry_day()
    {
        await api.WaitForProjectionsAsync();
        (await ApiFactory.PostAsync(api.Operator(), At, Request("cp-eol"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var byOperator = await ApiFactory.PostAsync(api.Operator(), $"{At}/cp-eol/approve", new { });
        var byAdmin = await ApiFactory.PostAsync(api.Admin(), $"{At}/cp-eol/approve", new { });
        await api.WaitForProjectionsAsync();

        byOperator.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        byAdmin.StatusCode.ShouldBe(HttpStatusCode.OK, await byAdmin.Content.ReadAsStringAsync());
        var auditor = api.Auditor();
        var exception = await EvaluatedAsync(auditor, "cp-eol", "accepted");
        exception.GetProperty("status").GetString().ShouldBe("accepted");
        exception.GetProperty("requestedBy").GetString().ShouldBe("operator");
        exception.GetProperty("decidedBy").GetString().ShouldBe("admin");
        exception.GetProperty("component").GetProperty("componentId").GetString().ShouldBe("control-plane");

        var findings = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/clusters/billing-prod/findings");
        var accepted = findings.GetProperty("findings").EnumerateArray()
            .Single(f => f.GetProperty("kind").GetString() == "eolComponent" && f.GetProperty("subject").GetString()!.StartsWith("control plane on kubernetes", StringComparison.Ordinal));
        accepted.GetProperty("state").GetString().ShouldBe("accepted");
        accepted.GetProperty("owner").GetString().ShouldBe("team-billing");
        accepted.GetProperty("accepted").GetProperty("approvedBy").GetString().ShouldBe("admin");
        accepted.GetProperty("accepted").GetProperty("until").GetString().ShouldBe("2026-09-01");
        accepted.GetProperty("dueAt").ValueKind.ShouldBe(JsonValueKind.String);
        findings.GetProperty("accepted").GetInt32().ShouldBeGreaterThanOrEqualTo(1);

        var eol = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/clusters/billing-prod/eol-risk");
        var controlPlane = eol.GetProperty("verdicts").EnumerateArray().Single(v => v.GetProperty("componentId").GetString() == "control-plane");
        controlPlane.GetProperty("level").GetString().ShouldBe("eol");
        controlPlane.GetProperty("accepted").GetProperty("exceptionId").GetString().ShouldBe("cp-eol");

        var expired = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/clusters/billing-prod/findings?asOf=2026-09-01");
        expired.GetProperty("findings").EnumerateArray()
            .Single(f => f.GetProperty("kind").GetString() == "eolComponent" && f.GetProperty("subject").GetString()!.StartsWith("control plane on kubernetes", StringComparison.Ordinal))
            .GetProperty("state").GetString().ShouldBe("overdue");
        var fleet = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/fleet/findings?state=accepted&environment=production");
        fleet.GetProperty("findings").EnumerateArray().ShouldContain(f => f.GetProperty("clusterId").GetString() == "billing-prod");
    }

    /// <summary>
    /// The exception as the read models show it once the projection evaluated the cluster (the checkpoint moves when the
    /// events are folded; the cluster's verdicts are committed right after).
    /// </summary>
    private static async Task<JsonElement> EvaluatedAsync(HttpClient client, string id, string status)
    {
        for (var i = 0; i < 600; i++)
        {
            var listed = (await client.GetFromJsonAsync<JsonElement>(At)).GetProperty("exceptions").EnumerateArray()
                .FirstOrDefault(x => x.GetProperty("exceptionId").GetString() == id);
            if (listed.ValueKind == JsonValueKind.Object && listed.GetProperty("status").GetString() == status) return listed;
            await Task.Delay(50);
        }

        throw new TimeoutException($"exception {id} did not show as {status} within 30 s");
    }

    [Fact]
    public async Task the_requester_cannot_approve_their_own_request_even_as_an_admin()
    {
        await api.WaitForProjectionsAsync();
        (await ApiFactory.PostAsync(api.Admin(), At, Request("own-request"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var approve = await ApiFactory.PostAsync(api.Admin(), $"{At}/own-request/approve", new { });

        approve.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await approve.Content.ReadAsStringAsync()).ShouldContain("a different admin must approve it");
    }

    [Theory]
    [InlineData("{\"exceptionId\":\"x-1\",\"reason\":\"r\",\"expiresOn\":\"2026-09-01\"}", "componentId")]
    [InlineData("{\"exceptionId\":\"x-1\",\"componentId\":\"control-plane\",\"findingKind\":\"missedWindow\",\"findingSubject\":\"w\",\"reason\":\"r\",\"expiresOn\":\"2026-09-01\"}", "componentId")]
    [InlineData("{\"exceptionId\":\"x-1\",\"componentId\":\"control-plane\",\"reason\":\"r\",\"expiresOn\":\"1 Sept\"}", "expiresOn")]
    [InlineData("{\"exceptionId\":\"x-1\",\"findingKind\":\"noSuchKind\",\"findingSubject\":\"w\",\"reason\":\"r\",\"expiresOn\":\"2026-09-01\"}", "findingKind")]
    [InlineData("{\"exceptionId\":\"X 1\",\"componentId\":\"control-plane\",\"reason\":\"r\",\"expiresOn\":\"2026-09-01\"}", "exceptionId")]
    public async Task a_bad_request_is_a_400_naming_the_field_and_records_nothing(string body, string field)
    {
        var before = await api.LedgerHeadAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, At) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        var response = await api.Operator().SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(field);
        (await api.LedgerHeadAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task a_request_naming_nothing_open_is_refused_with_what_is_there()
    {
        var response = await ApiFactory.PostAsync(api.Operator(), At, new
        {
            exceptionId = "nothing", findingKind = "missedWindow", findingSubject = "mw-1999-01", reason = "r", expiresOn = "2026-09-01",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadAsStringAsync()).ShouldContain("has no open MissedWindow finding 'mw-1999-01'");
    }

    // ingress-nginx is not in the shipped catalog; its retirement is recorded as a catalog fact with its source.
    [Fact]
    public async Task an_operator_records_a_release_cycle_the_catalog_lacks_and_the_eol_verdict_uses_it()
    {
        var response = await ApiFactory.PostAsync(api.Operator(), "/api/v1/catalog/products/haproxy-kubernetes-ingress/cycles", new
        {
            cycle = "3.0", eol = "2026-05-01", source = "https://example.org/haproxy-ingress-3.0-end-of-life", sourceDate = "2025-12-01",
        });
        var shipped = await ApiFactory.PostAsync(api.Operator(), "/api/v1/catalog/products/kubernetes/cycles", new
        {
            cycle = "1.33", eol = "2030-01-01", source = "https://example.org/mine", sourceDate = "2025-12-01",
        });
        var undated = await ApiFactory.PostAsync(api.Operator(), "/api/v1/catalog/products/ingress-nginx/cycles", new { cycle = "1.14", eol = "2026-03-31", source = "blog" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stream").GetString().ShouldBe("catalog-haproxy-kubernetes-ingress");
        shipped.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await shipped.Content.ReadAsStringAsync()).ShouldContain("is in the shipped catalog");
        undated.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await undated.Content.ReadAsStringAsync()).ShouldContain("sourceDate");
    }

    [Fact]
    public async Task every_eol_answer_pairs_each_date_with_its_own_days_left()
    {
        var check = await api.Auditor().GetFromJsonAsync<JsonElement>("/api/v1/eol-risk/check?version=v1.34.2-eks-adc7111&asOf=2026-12-03");

        check.GetProperty("standardSupport").GetProperty("ends").GetString().ShouldBe("2026-12-02");
        check.GetProperty("standardSupport").GetProperty("daysLeft").GetInt32().ShouldBe(-1);
        check.GetProperty("extendedSupport").GetProperty("ends").GetString().ShouldBe("2027-12-02");
        check.GetProperty("extendedSupport").GetProperty("daysLeft").GetInt32().ShouldBe(364);
        check.TryGetProperty("daysLeft", out _).ShouldBeFalse();
    }
}
