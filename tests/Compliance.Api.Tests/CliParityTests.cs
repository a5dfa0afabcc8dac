using System.Text.Json;
using Compliance.Host.Api.Security;
using Compliance.Host.Cli;
using Compliance.Host.Serve;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Api.Tests;

/// <summary>The API's queries and commands from `compliance` subcommands, against the local data directory and against a server.</summary>
public sealed class CliParityTests : IAsyncLifetime
{
    private string data = "";

    public async Task InitializeAsync() => data = await SeededLedger.CopyAsync();

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task lists_and_shows_clusters_from_the_local_data_directory()
    {
        var (code, output, error) = await RunAsync("clusters", "list", "--data", data, "--format", "json");
        code.ShouldBe(0, error);
        JsonSerializer.Deserialize<JsonElement>(output).GetArrayLength().ShouldBe(10);
        (code, output, error) = await RunAsync("clusters", "show", "web-prod", "--data", data);
        code.ShouldBe(0, error);
        output.ShouldContain("cluster environment");
        output.ShouldContain("production");
    }

    [Fact]
    public async Task records_a_window_locally_and_refuses_bad_input_naming_the_field()
    {
        (await RunAsync("cluster", "register", "--id", "cli-cluster", "--name", "CLI", "--environment", "staging", "--owner", "t", "--flavour", "eks", "--data", data))
            .Code.ShouldBe(0);
        var (code, output, error) = await RunAsync("window", "schedule", "--cluster", "cli-cluster", "--window", "w1",
            "--starts", DateTimeOffset.UtcNow.AddDays(2).ToString("O"), "--ends", DateTimeOffset.UtcNow.AddDays(2).AddHours(2).ToString("O"),
            "--change", "controlPlane:amazon-eks:1.33.2:patch", "--data", data);
        code.ShouldBe(0, error);
        output.ShouldContain("maintenance-cli-cluster");
        (code, _, error) = await RunAsync("window", "drain", "--cluster", "cli-cluster", "--window", "w1", "--node", "n1", "--seconds", "-3", "--data", data);
        code.ShouldBe(2);
        error.ShouldContain("durationSeconds");
        (code, output, _) = await RunAsync("history", "--cluster", "cli-cluster", "--data", data, "--format", "json");
        code.ShouldBe(0);
        var entries = JsonSerializer.Deserialize<JsonElement>(output).GetProperty("entries").EnumerateArray().ToList();
        entries.Count.ShouldBe(2);
        entries.ShouldAllBe(e => e.GetProperty("actor").GetString()!.StartsWith("cli:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task asks_a_server_with_an_api_key_and_reports_a_wrong_key()
    {
        const string key = "cli-parity-auditor";
        await using var app = ServeApp.Build(
            [$"--Compliance:Api:Keys:0:Name=cli-auditor", "--Compliance:Api:Keys:0:Role=auditor", $"--Compliance:Api:Keys:0:Sha256={ApiKeyAuthentication.HashOf(key)}"],
            new ServeOptions("http://127.0.0.1:0", data, Adapters: false));
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var (code, output, error) = await RunAsync("findings", "--cluster", "web-prod", "--as-of", "2026-06-15", "--server", url, "--api-key", key);
        code.ShouldBe(0, error);
        output.ShouldContain("kind");
        (code, _, error) = await RunAsync("clusters", "list", "--server", url, "--api-key", "wrong");
        code.ShouldBe(2);
        error.ShouldContain("401");
        (code, _, error) = await RunAsync("cluster", "register", "--id", "x", "--name", "X", "--environment", "staging", "--owner", "t", "--flavour", "eks",
            "--server", url, "--api-key", key);
        code.ShouldBe(2);
        error.ShouldContain("403");
        await app.StopAsync();
    }

    // The CLI said 53 patches were due for payments-prod where the report listed 35 rows: it counted one patch once per
    // component group. The CLI and the API now run the same query (PatchLatency.ForPeriod) and count the same rows.
    [Fact]
    public async Task the_cli_and_the_api_count_the_same_patches_for_the_same_cluster_period_and_as_of()
    {
        const string key = "cli-parity-patches";
        await using var app = ServeApp.Build(
            [$"--Compliance:Api:Keys:0:Name=cli-auditor", "--Compliance:Api:Keys:0:Role=auditor", $"--Compliance:Api:Keys:0:Sha256={ApiKeyAuthentication.HashOf(key)}"],
            new ServeOptions("http://127.0.0.1:0", data, Adapters: false));
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        string[] query = ["patch-latency", "--cluster", "payments-prod", "--from", "2025-06-15", "--to", "2026-06-15", "--format", "json"];

        var (code, local, error) = await RunAsync([.. query, "--data", data]);
        code.ShouldBe(0, error);
        (code, var remote, error) = await RunAsync([.. query, "--server", url, "--api-key", key]);
        code.ShouldBe(0, error);
        await app.StopAsync();

        var a = JsonSerializer.Deserialize<JsonElement>(local);
        var b = JsonSerializer.Deserialize<JsonElement>(remote);
        foreach (var count in new[] { "released", "due", "appliedWithinSla", "breached", "open" })
            a.GetProperty(count).GetInt32().ShouldBe(b.GetProperty(count).GetInt32(), count);
        var rows = a.GetProperty("patches").EnumerateArray().ToList();
        rows.Count.ShouldBe(a.GetProperty("released").GetInt32());
        rows.Select(r => (r.GetProperty("product").GetString(), r.GetProperty("patch").GetString())).Distinct().Count().ShouldBe(rows.Count, "one row per patch level");
    }

    [Fact]
    public async Task exceptions_and_fleet_findings_from_the_command_line_and_the_requester_cannot_approve_their_own()
    {
        var expires = DateTimeOffset.UtcNow.AddDays(90).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (code, output, error) = await RunAsync("exception", "request", "--cluster", "billing-prod", "--id", "cli-cp", "--component", "control-plane",
            "--reason", "certification pending", "--expires", expires, "--data", data);
        code.ShouldBe(0, error);
        output.ShouldContain("exceptions-billing-prod");

        (code, _, error) = await RunAsync("exception", "approve", "--cluster", "billing-prod", "--id", "cli-cp", "--data", data);
        code.ShouldBe(2);
        error.ShouldContain("a different admin must approve it");

        (code, output, error) = await RunAsync("exception", "list", "--cluster", "billing-prod", "--data", data, "--format", "json");
        code.ShouldBe(0, error);
        var listed = JsonSerializer.Deserialize<JsonElement>(output).GetProperty("exceptions").EnumerateArray().Single(x => x.GetProperty("exceptionId").GetString() == "cli-cp");
        listed.GetProperty("status").GetString().ShouldBe("requested");
        listed.GetProperty("requestedBy").GetString()!.ShouldStartWith("cli:");

        (code, output, error) = await RunAsync("findings", "--state", "overdue", "--data", data);
        code.ShouldBe(0, error);
        output.ShouldContain("owner");
        output.ShouldContain("eolComponent");
        output.ShouldContain("team-billing");
    }

    [Fact]
    public async Task serve_refuses_a_bad_key_setting_with_one_line_naming_it()
    {
        var (code, _, error) = await RunAsync("serve", "--urls", "http://127.0.0.1:0", "--data", data,
            "--Compliance:Api:Keys:0:Name=x", "--Compliance:Api:Keys:0:Role=boss", "--Compliance:Api:Keys:0:Sha256=abc");
        code.ShouldBe(2);
        error.ShouldContain("Compliance:Api:Keys:0:Role 'boss'");
        error.ShouldContain("Compliance:Api:Keys:0:Sha256");
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandLine.RunAsync(args, TimeProvider.System, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
