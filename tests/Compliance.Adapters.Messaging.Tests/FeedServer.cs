using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Compliance.Adapters.Messaging.Tests;

/// <summary>Kestrel on 127.0.0.1 serving the recorded endoflife.date and CVE-feed responses; counts requests.</summary>
internal sealed class FeedServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private int requests;

    private FeedServer(WebApplication app) => this.app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public Uri CveFeedUrl => new(BaseUrl, "docs/reference/issues-security/official-cve-feed/index.json");

    public int Requests => Volatile.Read(ref requests);

    public static async Task<FeedServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FeedServer(app);
        var recorded = Path.Combine(AppContext.BaseDirectory, "Recorded");
        app.Use(async (context, next) =>
        {
            Interlocked.Increment(ref server.requests);
            await next(context);
        });
        app.MapGet("/api/v1/products/{product}", (string product) =>
        {
            var file = Path.Combine(recorded, $"endoflife-{product}.json");
            return File.Exists(file)
                ? Results.File(file, "application/json")
                : Results.Json(new { schema_version = "1.2.0", message = "Product not found" }, statusCode: 404);
        });
        app.MapGet("/docs/reference/issues-security/official-cve-feed/index.json",
            () => Results.File(Path.Combine(recorded, "kubernetes-cve-feed.json"), "application/feed+json"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
