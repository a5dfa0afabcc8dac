using System.Net;
using Compliance.Application.Reports;
using Compliance.Application.Store;
using Compliance.Domain.Deciders;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Api.Tests;

/// <summary>An API with one report render slot, so that the limit's behaviour can be seen.</summary>
public sealed class OneReportSlotApiFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Compliance:Api:Reports:MaxConcurrent"] = "1",
        ["Compliance:Api:Reports:RetryAfterSeconds"] = "7",
    };
}

/// <summary>
/// Issue 13, finding 1: a burst of report requests cannot multiply the work. Identical requests share one render and one
/// ReportIssued, a repeat is answered from the kept document, and beyond the render slots the answer is 503 with
/// Retry-After while the rest of the service answers.
/// </summary>
public sealed class ReportLoadTests(OneReportSlotApiFactory api) : IClassFixture<OneReportSlotApiFactory>
{
    private const string AsOfNow = "/api/v1/reports?scope=cluster:web-prod&from=2026-05-01&to=2026-06-15";

    [Fact]
    public async Task identical_concurrent_requests_share_one_render_and_record_one_report_issued()
    {
        var before = await IssuedAsync();
        var client = api.Auditor();

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => client.GetAsync(AsOfNow)));

        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.OK);
        answers.Select(a => a.Headers.ETag!.Tag).Distinct().Count().ShouldBe(1);
        answers.Count(a => Source(a) == "rendered").ShouldBe(1);
        (await IssuedAsync()).ShouldBe(before + 1);

        var again = await client.GetAsync(AsOfNow);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        Source(again).ShouldBe("cached");
        again.Headers.ETag!.Tag.ShouldBe(answers[0].Headers.ETag!.Tag);
        (await IssuedAsync()).ShouldBe(before + 1);
    }

    [Fact]
    public async Task a_new_fact_in_the_ledger_makes_the_same_request_a_new_report()
    {
        const string path = "/api/v1/reports?scope=cluster:web-staging&from=2026-06-01&to=2026-06-15";
        var client = api.Auditor();
        var first = await client.GetAsync(path);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        Source(await client.GetAsync(path)).ShouldBe("cached");

        (await ApiFactory.PostAsync(api.Operator(), "/api/v1/clusters",
            new { clusterId = "report-load-new", displayName = "N", environment = "staging", ownerTeam = "t", flavour = "gke" })).EnsureSuccessStatusCode();

        var after = await client.GetAsync(path);
        after.StatusCode.ShouldBe(HttpStatusCode.OK);
        Source(after).ShouldBe("rendered");
    }

    [Fact]
    public async Task a_report_as_of_now_answers_for_its_freshness_and_is_rendered_again_after_it()
    {
        const string path = "/api/v1/reports?scope=cluster:payments-prod&from=2026-06-01&to=2026-06-15";
        var client = api.Auditor();
        Source(await client.GetAsync(path)).ShouldBe("rendered");
        api.Clock.Advance(TimeSpan.FromSeconds(299));
        Source(await client.GetAsync(path)).ShouldBe("cached");

        api.Clock.Advance(TimeSpan.FromSeconds(2));

        Source(await client.GetAsync(path)).ShouldBe("rendered");
    }

    [Fact]
    public async Task a_different_report_while_every_slot_renders_gets_503_with_retry_after_and_the_service_still_answers()
    {
        var slots = api.Services.GetRequiredService<RenderSlots>();
        var client = api.Auditor();
        HttpResponseMessage busy;
        using (var taken = slots.TryTake())
        {
            taken.ShouldNotBeNull();
            busy = await client.GetAsync("/api/v1/reports?scope=cluster:data-prod&from=2026-06-01&to=2026-06-14&asOf=2026-06-14");
            (await api.ClientFor(null).GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await client.GetAsync("/api/v1/clusters")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        busy.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        busy.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(7));
        busy.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await client.GetAsync("/api/v1/reports?scope=cluster:data-prod&from=2026-06-01&to=2026-06-14&asOf=2026-06-14")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static string? Source(HttpResponseMessage answer) =>
        answer.Headers.TryGetValues("X-Report-Source", out var values) ? values.Single() : null;

    private async Task<int> IssuedAsync()
    {
        var count = 0;
        await foreach (var _ in api.Services.GetRequiredService<IEventReader>().ReadStreamAsync(Streams.Reports, Direction.Forwards, 0, int.MaxValue, CancellationToken.None))
            count++;
        return count;
    }
}
