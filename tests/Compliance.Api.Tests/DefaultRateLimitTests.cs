using System.Net;

namespace Compliance.Api.Tests;

/// <summary>
/// Issue 13, finding 1: the default rate limit means something. One key sending a burst of 700 requests (more than the
/// default 600 a minute) is refused with 429 and Retry-After for the excess; the service goes on answering.
/// </summary>
public sealed class DefaultRateLimitTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task a_burst_from_one_key_beyond_the_default_limit_is_refused_with_429()
    {
        var client = api.Auditor();
        var statuses = new List<HttpStatusCode>();
        TimeSpan? retryAfter = null;
        for (var batch = 0; batch < 35; batch++)
        {
            foreach (var answer in await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.GetAsync("/api/v1/eol-risk/check?version=1.30.1"))))
            {
                statuses.Add(answer.StatusCode);
                if (answer.StatusCode == HttpStatusCode.TooManyRequests) retryAfter ??= answer.Headers.RetryAfter?.Delta;
            }
        }

        statuses.Count(s => s == HttpStatusCode.OK).ShouldBeLessThanOrEqualTo(600);
        statuses.Count(s => s == HttpStatusCode.TooManyRequests).ShouldBeGreaterThanOrEqualTo(100);
        retryAfter.ShouldNotBeNull();
        (await api.ClientFor(null).GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.Admin().GetAsync("/api/v1/clusters")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
