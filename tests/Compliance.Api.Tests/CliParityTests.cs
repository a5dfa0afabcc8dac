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
