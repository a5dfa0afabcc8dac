using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Compliance.Api.Tests;

/// <summary>/health/ready tells the truth about the clusters serve was configured to watch.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task a_configured_context_missing_from_the_kubeconfig_makes_readiness_degraded()
    {
        var data = await SeededLedger.CopyAsync();
        var kubeconfig = Path.Combine(data, "kubeconfig.yaml");
        await File.WriteAllTextAsync(kubeconfig, """
            apiVersion: v1
            kind: Config
            clusters:
            - name: only
              cluster:
                server: http://127.0.0.1:1
            users:
            - name: only
              user:
                token: t
            contexts:
            - name: only
              context:
                cluster: only
                user: only
            current-context: only
            """);
        await using var serve = ServeProcess.Start(data, new Dictionary<string, string>
        {
            ["COMPLIANCE_KUBERNETES__KUBECONFIGPATH"] = kubeconfig,
            ["COMPLIANCE_KUBERNETES__CONTEXTS__0"] = "missing",
        });
        try
        {
            await serve.WaitUntilLiveAsync();
            // Unhealthy (503) while the projections catch up; then degraded, which still answers 200: queries serve.
            var code = HttpStatusCode.ServiceUnavailable;
            var status = "";
            for (var i = 0; i < 150 && status != "Degraded"; i++)
            {
                using var ready = await serve.Http.GetAsync("/health/ready");
                code = ready.StatusCode;
                status = (await ready.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString()!;
                if (status != "Degraded") await Task.Delay(200);
            }

            status.ShouldBe("Degraded", serve.Output);
            code.ShouldBe(HttpStatusCode.OK);
            serve.Lines.ShouldContain(l => l.Contains("Kubernetes cluster missing is not watched", StringComparison.Ordinal), serve.Output);
        }
        finally
        {
            await serve.StopAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }
}
