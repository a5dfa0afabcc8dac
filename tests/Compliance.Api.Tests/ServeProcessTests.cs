using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
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
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var dll = Path.Combine(AppContext.BaseDirectory, "compliance.dll");
        File.Exists(dll).ShouldBeTrue(dll);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, "serve", "--urls", url, "--data", data }) start.ArgumentList.Add(arg);
        start.Environment["COMPLIANCE_API__KEYS__0__NAME"] = "process-auditor";
        start.Environment["COMPLIANCE_API__KEYS__0__ROLE"] = "auditor";
        start.Environment["COMPLIANCE_API__KEYS__0__SHA256"] = ApiKeyAuthentication.HashOf(Key);
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(10) };
            await WaitUntilLiveAsync(http, process, output);
            var withoutKey = await http.GetAsync("/api/v1/fleet/eol-risk");
            withoutKey.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            http.DefaultRequestHeaders.Add("X-Api-Key", Key);
            var risk = await http.GetFromJsonAsync<JsonElement>("/api/v1/fleet/eol-risk?asOf=2026-06-15");
            risk.GetProperty("count").GetInt32().ShouldBeGreaterThan(0);
            risk.GetProperty("verdicts").EnumerateArray().Select(v => v.GetProperty("clusterId").GetString()).ShouldContain("web-prod");

            Kill(process.Id, 15).ShouldBe(0);
            (await WaitForExitAsync(process, TimeSpan.FromSeconds(30))).ShouldBeTrue(Output(output));
            process.ExitCode.ShouldBe(0, Output(output));
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task WaitUntilLiveAsync(HttpClient http, Process process, StringBuilder output)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            process.HasExited.ShouldBeFalse(Output(output));
            try
            {
                if ((await http.GetAsync("/health/live")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("compliance serve did not answer /health/live within 60 s: " + Output(output));
    }

    private static async Task<bool> WaitForExitAsync(Process process, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static string Output(StringBuilder output)
    {
        lock (output) return output.ToString();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Sends a signal as a service manager would (the shell's kill builtin: no procps needed).</summary>
    private static int Kill(int pid, int signal)
    {
        using var kill = Process.Start("/bin/sh", ["-c", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"kill -{signal} {pid}")]);
        kill.WaitForExit();
        return kill.ExitCode;
    }
}
