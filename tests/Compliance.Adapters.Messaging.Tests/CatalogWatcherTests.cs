using System.Net;
using System.Net.Sockets;
using Compliance.Application.Catalog;
using Compliance.Application.CatalogRefresh;
using Compliance.Domain.Deciders;

namespace Compliance.Adapters.Messaging.Tests;

/// <summary>The catalog watcher against a local HTTP server with recorded responses, through the in-memory bus into the ledger.</summary>
public sealed class CatalogWatcherTests
{
    [Fact]
    public async Task new_cycles_patches_and_cves_from_the_feeds_are_recorded_once()
    {
        using var ledger = new TestLedger();
        await using var host = await BusHost.InMemoryAsync(ledger);
        await using var feeds = await FeedServer.StartAsync();
        var refresher = Refresher(ledger, host, feeds.BaseUrl, feeds.CveFeedUrl);

        var first = await refresher.RefreshAsync(CancellationToken.None);

        first.Failures.ShouldBeEmpty();
        first.Cycles.ShouldBe(1);          // 1.37; 1.35 and 1.36 are as shipped
        first.Patches.ShouldBe(2);         // 1.37.1 and 1.36.5; 1.35.8 is shipped
        first.Vulnerabilities.ShouldBe(2); // the shipped catalog holds no CVEs
        var stored = await Eventually.Until(() => ledger.StreamAsync(Streams.Catalog("kubernetes")), e => e.Count == 5, "the five facts being recorded");
        stored.Select(e => e.Type).Order().ShouldBe(
            ["V1.PatchReleased", "V1.PatchReleased", "V1.ReleaseCycleRecorded", "V1.VulnerabilityPublished", "V1.VulnerabilityPublished"]);
        stored.Single(e => e.Json.Contains("CVE-2025-1974", StringComparison.Ordinal)).Json.ShouldContain("Critical");

        await ledger.Projections.CatchUpAsync(CancellationToken.None);
        var second = await refresher.RefreshAsync(CancellationToken.None);
        (second.Cycles + second.Patches + second.Vulnerabilities).ShouldBe(0);
        var catalog = await ledger.Queries.CatalogAsync(DateTimeOffset.UtcNow, CancellationToken.None);
        catalog.Cycle("kubernetes", "1.37").ShouldNotBeNull().Eol.ShouldBe(new DateOnly(2027, 10, 28));
    }

    [Fact]
    public async Task unreachable_feeds_are_reported_and_the_shipped_catalog_stays()
    {
        using var ledger = new TestLedger();
        await using var host = await BusHost.InMemoryAsync(ledger);
        var closed = new Uri($"http://127.0.0.1:{ClosedPort()}/");
        var refresher = Refresher(ledger, host, closed, new Uri(closed, "feed.json"));

        var result = await refresher.RefreshAsync(CancellationToken.None);

        result.Complete.ShouldBeFalse();
        result.Failures.Count.ShouldBe(2);
        result.Failures[0].ShouldStartWith($"{closed}api/v1/products/kubernetes");
        (result.Cycles + result.Patches + result.Vulnerabilities).ShouldBe(0);
        (await ledger.Queries.CatalogAsync(DateTimeOffset.UtcNow, CancellationToken.None)).ShouldBeSameAs(CatalogSnapshot.Embedded.Catalog);
    }

    [Fact]
    public async Task a_feed_in_another_shape_is_a_failure_naming_the_url()
    {
        using var ledger = new TestLedger();
        await using var host = await BusHost.InMemoryAsync(ledger);
        await using var feeds = await FeedServer.StartAsync();
        var refresher = Refresher(ledger, host, feeds.BaseUrl, new Uri(feeds.BaseUrl, "api/v1/products/kubernetes"), ["no-such-product"]);

        var result = await refresher.RefreshAsync(CancellationToken.None);

        result.Failures.ShouldContain(f => f.Contains("no-such-product", StringComparison.Ordinal) && f.Contains("404", StringComparison.Ordinal));
        result.Failures.ShouldContain(f => f.Contains("has no items array", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("This issue has been rated **Critical** (CVSS:3.1/AV:N)", "critical")]
    [InlineData("#### CVSS Rating: Low (2.7)", "low")]
    [InlineData("This issue has been rated Medium, and assigned CVE-2024-0001", "medium")]
    [InlineData("No rating given.", "unknown")]
    public void severity_is_read_from_the_advisory_text(string text, string severity) =>
        CatalogRefresher.SeverityOf(text).ShouldBe(severity);

    private static CatalogRefresher Refresher(TestLedger ledger, BusHost host, Uri endOfLife, Uri cveFeed, IReadOnlyList<string>? products = null)
    {
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        return new CatalogRefresher(new EndOfLifeClient(http, endOfLife), new CveFeedClient(http, cveFeed), host.Publisher,
            ledger.Queries.CatalogAsync, products ?? [CatalogRefresher.KubernetesProduct], ledger.Time);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
