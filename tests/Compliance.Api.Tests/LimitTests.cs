using System.Net;
using System.Net.Http.Headers;

namespace Compliance.Api.Tests;

/// <summary>
/// An API with a small rate limit: three requests per key and two per address without a valid key, per hour (a window
/// that cannot roll over during the test).
/// </summary>
public sealed class RateLimitedApiFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Compliance:Api:RateLimit:PermitLimit"] = "3",
        ["Compliance:Api:RateLimit:AnonymousPermitLimit"] = "2",
        ["Compliance:Api:RateLimit:WindowSeconds"] = "3600",
    };
}

public sealed class LimitTests(RateLimitedApiFactory api) : IClassFixture<RateLimitedApiFactory>
{
    [Fact]
    public async Task a_key_over_its_rate_gets_429_with_retry_after_while_other_keys_go_on()
    {
        var auditor = api.Auditor();
        for (var i = 0; i < 3; i++) (await auditor.GetAsync("/api/v1/clusters")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var limited = await auditor.GetAsync("/api/v1/clusters");
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 3600);
        limited.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await api.Admin().GetAsync("/api/v1/clusters")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await auditor.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task callers_without_a_valid_key_share_a_limit_per_address_and_get_429_with_retry_after()
    {
        (await api.ClientFor(null).GetAsync("/api/v1/clusters")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await api.ClientFor("guessed-key-1").GetAsync("/api/v1/clusters")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var limited = await api.ClientFor("guessed-key-2").GetAsync("/api/v1/clusters");

        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 3600);
        (await api.ClientFor(null).GetAsync("/api/v1/fleet/eol-risk")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await api.Operator().GetAsync("/api/v1/clusters")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task a_body_over_64_kib_is_refused_with_413_before_it_is_read()
    {
        var before = await api.LedgerHeadAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/clusters")
        {
            Content = new ByteArrayContent(new byte[65 * 1024]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Add("Idempotency-Key", "too-large");
        var response = await api.Operator().SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync()).ShouldContain("65536");
        (await api.LedgerHeadAsync()).ShouldBe(before);
    }
}
