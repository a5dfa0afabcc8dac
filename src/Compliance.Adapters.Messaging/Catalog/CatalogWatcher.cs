using Compliance.Application.Catalog;
using Compliance.Application.CatalogRefresh;
using Compliance.Application.Ports;
using Compliance.Application.Queries;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Compliance.Adapters.Messaging.Catalog;

/// <summary>Builds the catalog refresher from configuration: the shipped catalog's products, the feeds' URLs, one HttpClient.</summary>
internal static class CatalogWatcher
{
    public static CatalogRefresher Create(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<IOptions<CatalogRefreshOptions>>().Value;
        var http = new HttpClient { Timeout = options.RequestTimeout };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("compliance-catalog-watcher/1");
        var baseUrl = options.EndOfLifeBaseUrl.EndsWith('/') ? options.EndOfLifeBaseUrl : options.EndOfLifeBaseUrl + "/";
        var queries = sp.GetService<FleetQueries>();
        var shipped = CatalogSnapshot.Embedded.Catalog;
        return new CatalogRefresher(
            new EndOfLifeClient(http, new Uri(baseUrl)),
            new CveFeedClient(http, new Uri(options.CveFeedUrl)),
            sp.GetRequiredService<IObservationPublisher>(),
            queries is null ? (_, _) => Task.FromResult(shipped) : queries.CatalogAsync,
            [.. shipped.Products.Select(p => p.Product).Order(StringComparer.Ordinal)],
            sp.GetRequiredService<TimeProvider>());
    }
}
