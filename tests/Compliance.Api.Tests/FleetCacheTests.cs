using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Compliance.Api.Tests;

/// <summary>The fleet EOL answer is cached per read-model checkpoint: gzip when accepted, 304 for a known ETag, new content once the projections move.</summary>
public sealed class FleetCacheTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task a_gzip_client_gets_the_same_json_compressed()
    {
        var plain = await api.Auditor().GetStringAsync("/api/v1/fleet/eol-risk?asOf=2026-06-15");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/fleet/eol-risk?asOf=2026-06-15");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        var response = await api.Auditor().SendAsync(request);
        response.Content.Headers.ContentEncoding.ShouldBe(["gzip"]);
        await using var unzip = new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        (await new StreamReader(unzip).ReadToEndAsync()).ShouldBe(plain);
    }

    [Fact]
    public async Task a_known_etag_gets_304_until_the_read_models_move_on()
    {
        var client = api.Auditor();
        var first = await client.GetAsync("/api/v1/fleet/eol-risk?environment=staging");
        var etag = first.Headers.ETag!.Tag;
        using (var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/fleet/eol-risk?environment=staging"))
        {
            again.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag));
            (await client.SendAsync(again)).StatusCode.ShouldBe(HttpStatusCode.NotModified);
        }

        var before = JsonSerializer.Deserialize<JsonElement>(await first.Content.ReadAsStringAsync()).GetProperty("checkpoint").GetInt64();
        await CommandTests.Accepted(api.Operator(), "/api/v1/clusters",
            new { clusterId = "cache-new", displayName = "N", environment = "staging", ownerTeam = "t", flavour = "gke" });
        await api.WaitForProjectionsAsync();
        using var after = new HttpRequestMessage(HttpMethod.Get, "/api/v1/fleet/eol-risk?environment=staging");
        after.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag));
        var moved = await client.SendAsync(after);
        moved.StatusCode.ShouldBe(HttpStatusCode.OK);
        moved.Headers.ETag!.Tag.ShouldNotBe(etag);
        JsonSerializer.Deserialize<JsonElement>(await moved.Content.ReadAsStringAsync()).GetProperty("checkpoint").GetInt64().ShouldBeGreaterThan(before);
    }
}
