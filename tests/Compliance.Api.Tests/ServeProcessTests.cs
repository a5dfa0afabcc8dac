using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Compliance.Host.Api.Security;

namespace Compliance.Api.Tests;

/// <summary>`compliance serve` as a real process: listens where --urls says, answers with an auditor key from the environment, stops on SIGTERM.</summary>
public sealed class ServeProcessTests
{
    private const string Key = "process-auditor-key";

    [Fact]
    public async Task serve_starts_answers_health_and_fleet_risk_with_an_auditor_key_and_stops_on_sigterm()
    {
        var data = await SeededLedger.CopyAsync();
        await using var serve = ServeProcess.Start(data, new Dictionary<string, string>
        {
            ["COMPLIANCE_API__KEYS__0__NAME"] = "process-auditor",
            ["COMPLIANCE_API__KEYS__0__ROLE"] = "auditor",
            ["COMPLIANCE_API__KEYS__0__SHA256"] = ApiKeyAuthentication.HashOf(Key),
        });
        try
        {
            var http = serve.Http;
            await serve.WaitUntilLiveAsync();
            var withoutKey = await http.GetAsync("/api/v1/fleet/eol-risk");
            withoutKey.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            http.DefaultRequestHeaders.Add("X-Api-Key", Key);
            var risk = await http.GetFromJsonAsync<JsonElement>("/api/v1/fleet/eol-risk?asOf=2026-06-15");
            risk.GetProperty("count").GetInt32().ShouldBeGreaterThan(0);
            risk.GetProperty("verdicts").EnumerateArray().Select(v => v.GetProperty("clusterId").GetString()).ShouldContain("web-prod");

            (await serve.StopAsync()).ShouldBeTrue(serve.Output);
            serve.ExitCode.ShouldBe(0, serve.Output);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }
}
