using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Compliance.Api.Tests;

/// <summary>If-Match against the stream revision, and Idempotency-Key answers.</summary>
public sealed class ConcurrencyAndIdempotencyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient operate = api.Operator();

    private static object Register(string id) => new { clusterId = id, displayName = id, environment = "staging", ownerTeam = "t", flavour = "gke" };

    private object Window(string id, int days) =>
        new { windowId = id, startsAt = api.Clock.GetUtcNow().AddDays(days), endsAt = api.Clock.GetUtcNow().AddDays(days).AddHours(1) };

    [Fact]
    public async Task if_match_with_the_current_revision_passes_and_a_stale_one_gets_412_without_appending()
    {
        await CommandTests.Accepted(operate, "/api/v1/clusters", Register("conc-a"));
        var first = await ApiFactory.PostAsync(operate, "/api/v1/clusters/conc-a/windows", Window("w-1", 1));
        var etag = first.Headers.ETag!.Tag;
        var second = await ApiFactory.PostAsync(operate, "/api/v1/clusters/conc-a/windows", Window("w-2", 2), ifMatch: etag);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.Headers.ETag!.Tag.ShouldNotBe(etag);

        var before = await api.LedgerHeadAsync();
        var stale = await ApiFactory.PostAsync(operate, "/api/v1/clusters/conc-a/windows", Window("w-3", 3), ifMatch: etag);
        stale.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        stale.Headers.ETag!.Tag.ShouldBe(second.Headers.ETag.Tag);
        (await stale.Content.ReadAsStringAsync()).ShouldContain("maintenance-conc-a");
        (await api.LedgerHeadAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task if_match_star_needs_the_stream_to_exist()
    {
        await CommandTests.Accepted(operate, "/api/v1/clusters", Register("conc-b"));
        var missing = await ApiFactory.PostAsync(operate, "/api/v1/clusters/conc-b/windows", Window("w-1", 1), ifMatch: "*");
        missing.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        var exists = await ApiFactory.PostAsync(operate, "/api/v1/clusters/conc-b/policy", new { }, ifMatch: "*");
        exists.StatusCode.ShouldNotBe(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task the_same_key_and_body_get_the_same_answer_and_append_once()
    {
        await CommandTests.Accepted(operate, "/api/v1/clusters", Register("idem-a"));
        var body = Window("w-1", 1);
        var first = await ApiFactory.PostAsync(operate, "/api/v1/clusters/idem-a/windows", body, "key-1");
        var afterFirst = await api.LedgerHeadAsync();
        var again = await ApiFactory.PostAsync(operate, "/api/v1/clusters/idem-a/windows", body, "key-1");
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        again.Headers.ETag!.Tag.ShouldBe(first.Headers.ETag!.Tag);
        again.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await api.LedgerHeadAsync()).ShouldBe(afterFirst);
    }

    [Fact]
    public async Task a_rejection_is_replayed_for_the_same_key_even_after_the_state_changed()
    {
        await CommandTests.Accepted(operate, "/api/v1/clusters", Register("idem-b"));
        var start = await ApiFactory.PostAsync(operate, "/api/v1/clusters/idem-b/windows/w-1/start", new { }, "start-1");
        start.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var starts = api.Clock.GetUtcNow().AddMinutes(10);
        await CommandTests.Accepted(operate, "/api/v1/clusters/idem-b/windows", new { windowId = "w-1", startsAt = starts, endsAt = starts.AddHours(1) });
        var replay = await ApiFactory.PostAsync(operate, "/api/v1/clusters/idem-b/windows/w-1/start", new { }, "start-1");
        replay.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await replay.Content.ReadAsStringAsync()).ShouldBe(await start.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task the_same_key_with_another_body_is_422_and_appends_nothing()
    {
        await CommandTests.Accepted(operate, "/api/v1/clusters", Register("idem-c"));
        await ApiFactory.PostAsync(operate, "/api/v1/clusters/idem-c/windows", Window("w-1", 1), "key-2");
        var before = await api.LedgerHeadAsync();
        var other = await ApiFactory.PostAsync(operate, "/api/v1/clusters/idem-c/windows", Window("w-2", 2), "key-2");
        other.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        other.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain("key-2");
        (await api.LedgerHeadAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task idempotency_keys_belong_to_one_api_key()
    {
        await CommandTests.Accepted(operate, "/api/v1/clusters", Register("idem-d"));
        var byOperator = await ApiFactory.PostAsync(operate, "/api/v1/clusters/idem-d/windows", Window("w-1", 1), "shared-key");
        var byAdmin = await ApiFactory.PostAsync(api.Admin(), "/api/v1/clusters/idem-d/windows", Window("w-2", 2), "shared-key");
        byOperator.StatusCode.ShouldBe(HttpStatusCode.OK);
        byAdmin.StatusCode.ShouldBe(HttpStatusCode.OK);
        byAdmin.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
    }
}
