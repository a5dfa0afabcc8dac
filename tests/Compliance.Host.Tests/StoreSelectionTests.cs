using System.Net;
using System.Net.Sockets;
using Compliance.Adapters.EventStoreDb;
using Compliance.Adapters.Sqlite.Events;
using Compliance.Application.Store;
using Compliance.Host.Serve;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Compliance.Host.Tests;

/// <summary>Compliance:Store chooses the event store `compliance serve` writes to.</summary>
public sealed class StoreSelectionTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("compliance-store-kind-").FullName;

    [Fact]
    public async Task by_default_serve_writes_to_the_sqlite_ledger_of_the_data_directory()
    {
        await using var app = ServeApp.Build([], new ServeOptions("http://127.0.0.1:0", _data) { Adapters = false });

        app.Services.GetRequiredService<IEventStore>().ShouldBeOfType<SqliteEventStore>();
    }

    [Fact]
    public async Task an_unreachable_eventstoredb_is_retried_and_then_shown_unhealthy_in_readiness_naming_the_node_and_the_reason()
    {
        var port = ClosedPort();
        await using var app = ServeApp.Build(
            ["--Compliance:Store:Kind=EventStoreDb", $"--Compliance:Store:EventStoreDb:ConnectionString=esdb://127.0.0.1:{port}?tls=false&defaultDeadline=1000"],
            new ServeOptions("http://127.0.0.1:0", _data) { Adapters = false });

        app.Services.GetRequiredService<IEventStore>().ShouldBeOfType<EventStoreDbEventStore>();
        app.Services.GetRequiredService<IEventReader>().ShouldBeSameAs(app.Services.GetRequiredService<IEventStore>());
        var health = await app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Tags.Contains("ready"));
        health.Status.ShouldBe(HealthStatus.Unhealthy);
        var check = health.Entries["eventstoredb"];
        check.Status.ShouldBe(HealthStatus.Unhealthy);
        check.Description!.ShouldContain($"EventStoreDB at 127.0.0.1:{port} does not answer: EventStoreDB answered Unavailable");
        check.Data["node"].ShouldBe($"127.0.0.1:{port}");
        check.Data["ledgerStream"].ShouldBe(EventStoreDbEventStore.DefaultLedgerStream);
        ((string)check.Data["reason"]).ShouldStartWith("EventStoreDB answered Unavailable");
    }

    [Theory]
    [InlineData("verify")]
    [InlineData("cluster", "register", "--id", "c1", "--name", "C1", "--environment", "staging", "--owner", "t", "--flavour", "eks")]
    public async Task an_unreachable_eventstoredb_is_one_line_naming_the_node_and_exit_1_for_the_cli(params string[] command)
    {
        var port = ClosedPort();
        var store = $"esdb://127.0.0.1:{port}?tls=false&maxDiscoverAttempts=3&discoveryInterval=10";

        var (exit, _, error) = await Cli.RunAsync([.. command, "--data", _data, "--store", store]);

        exit.ShouldBe(1, error);
        error.ShouldStartWith($"compliance: The event store at 127.0.0.1:{port} is unavailable: EventStoreDB answered Unavailable");
        error.TrimEnd().Split('\n').Length.ShouldBe(1);
    }

    [Fact]
    public void a_bad_store_configuration_stops_the_start_with_one_message_per_problem()
    {
        string[] Failures(params string[] args) =>
            [.. Should.Throw<OptionsValidationException>(() => ServeApp.Build(args, new ServeOptions("http://127.0.0.1:0", _data) { Adapters = false })).Failures];

        Failures("--Compliance:Store:Kind=Cassandra").ShouldBe(["Compliance:Store:Kind 'Cassandra' is not Sqlite or EventStoreDb"]);
        Failures("--Compliance:Store:Kind=EventStoreDb")
            .ShouldBe(["Compliance:Store:EventStoreDb:ConnectionString must be set when Compliance:Store:Kind is EventStoreDb (e.g. esdb://localhost:2113?tls=false)"]);
        Failures("--Compliance:Store:Kind=EventStoreDb", "--Compliance:Store:EventStoreDb:ConnectionString=esdb://db:2113?tls=perhaps")
            .ShouldBe(["Compliance:Store:EventStoreDb:ConnectionString: EventStoreDB connection string: tls must be true or false (got 'perhaps')"]);
    }

    [Fact]
    public async Task every_cli_command_reads_the_store_from_the_serve_settings_or_from_the_store_option()
    {
        var (exit, _, error) = await Cli.RunAsync("verify", "--data", _data, "--store", "cassandra");
        exit.ShouldBe(2);
        error.ShouldBe("compliance: --store: 'cassandra' is not sqlite, eventstoredb or an esdb:// connection string\n");

        (exit, _, error) = await Cli.RunAsync("verify", "--data", _data, "--store", "eventstoredb");
        exit.ShouldBe(2);
        error.ShouldContain("Compliance:Store:EventStoreDb:ConnectionString must be set when Compliance:Store:Kind is EventStoreDb");

        (exit, _, error) = await Cli.RunAsync("verify", "--data", _data, "--store", "esdb://db:2113?tls=perhaps");
        exit.ShouldBe(2);
        error.ShouldContain("tls must be true or false (got 'perhaps')");

        (exit, _, error) = await Cli.RunAsync("verify", "--data", _data, "--store", "sqlite");
        exit.ShouldBe(2);
        error.ShouldContain($"no ledger in {_data}");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
