using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Compliance.Adapters.Sqlite.Events;
using Compliance.Application.Store;
using Compliance.Host.Composition;
using Compliance.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Api.Tests;

/// <summary>A ledger store that does not answer, and a stream other writers keep moving, are 503 with Retry-After, never 500.</summary>
public sealed class StoreOutageTests(StoreOutageTests.Outpaced api) : IClassFixture<StoreOutageTests.Outpaced>
{
    private static readonly object Policy = new
    {
        windowCron = "0 2 * * 2", windowHours = 4, timeZone = "Etc/UTC", criticalSlaHours = 48, otherSlaDays = 30,
        noticeDays = 14, stagingSoakDays = 0, eolHighDays = 30, eolMediumDays = 90,
    };

    [Fact]
    public async Task an_unreachable_eventstoredb_is_answered_503_with_retry_after_and_readiness_names_the_node_for_an_admin()
    {
        var port = ClosedPort();
        var folder = SeededLedger.NewFolder();
        try
        {
            await using var unreachable = new UnreachableStore(folder, port);

            var command = await ApiFactory.PostAsync(unreachable.Operator(), "/api/v1/clusters",
                new { clusterId = "c1", displayName = "C1", environment = "staging", ownerTeam = "t", flavour = "eks" });
            var ready = await unreachable.Admin().GetAsync("/health/ready");

            command.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            command.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(5));
            command.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            (await command.Content.ReadAsStringAsync()).ShouldNotContain("127.0.0.1");
            ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            var data = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").GetProperty("eventstoredb").GetProperty("data");
            data.GetProperty("node").GetString().ShouldBe($"127.0.0.1:{port}");
            data.GetProperty("reason").GetString()!.ShouldStartWith("EventStoreDB answered Unavailable");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task a_stream_other_writers_keep_moving_is_answered_503_with_retry_after_and_the_same_request_later_is_decided_again()
    {
        var admin = api.Admin();
        (await ApiFactory.PostAsync(admin, "/api/v1/clusters",
            new { clusterId = Outpaced.Cluster, displayName = "Contended", environment = "staging", ownerTeam = "t", flavour = "eks" })).EnsureSuccessStatusCode();
        var store = api.Services.GetRequiredService<OutpacedStore>();

        store.Racing = true;
        var busy = await ApiFactory.PostAsync(admin, $"/api/v1/clusters/{Outpaced.Cluster}/policy", Policy, "policy-1");
        store.Racing = false;
        var later = await ApiFactory.PostAsync(admin, $"/api/v1/clusters/{Outpaced.Cluster}/policy", Policy, "policy-1");

        busy.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        busy.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(1));
        (await busy.Content.ReadAsStringAsync()).ShouldContain($"cluster-{Outpaced.Cluster}");
        later.StatusCode.ShouldBe(HttpStatusCode.OK);
        later.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The served app on an EventStoreDB nothing listens for, in an empty data directory.</summary>
    private sealed class UnreachableStore(string folder, int port) : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["Compliance:Data"] = folder,
            ["Compliance:Store:Kind"] = "EventStoreDb",
            ["Compliance:Store:EventStoreDb:ConnectionString"] = $"esdb://127.0.0.1:{port}?tls=false&maxDiscoverAttempts=4&discoveryInterval=10",
        };
    }

    /// <summary>The served app whose command handler appends through an <see cref="OutpacedStore"/> on cluster <see cref="Cluster"/>.</summary>
    public sealed class Outpaced : ApiFactory
    {
        public const string Cluster = "contended";
        private SqliteEventStore? rival;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton(s => new OutpacedStore(s.GetRequiredService<SqliteEventStore>(),
                    rival = new SqliteEventStore(s.GetRequiredService<DataDirectory>().LedgerFile, TimeProvider.System), Cluster, s.GetRequiredService<TimeProvider>())
                {
                    Racing = false,
                });
                services.AddSingleton<IEventStore>(s => s.GetRequiredService<OutpacedStore>());
            });
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            rival?.Dispose();
        }
    }
}
