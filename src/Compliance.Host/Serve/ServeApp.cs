using Compliance.Host.Api;
using Compliance.Host.Composition;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Host.Serve;

/// <summary>
/// `compliance serve`: the API, the projections and the adapters (bus, watchers), composed on one WebApplication over
/// the configured store, from the composition root.
/// </summary>
public static class ServeApp
{
    public static WebApplication Build(string[] args, ServeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        Settings.Add(builder.Configuration, args, options.Data);
        if (options.Store is { } store) builder.Configuration.AddInMemoryCollection(StoreOption.Settings(store));
        builder.WebHost.UseUrls(options.Urls);

        builder.Services.AddComplianceCore(builder.Configuration);
        builder.Services.AddComplianceProjections();
        builder.Services.AddComplianceApi(builder.Configuration);
        if (options.Adapters) builder.Services.AddComplianceAdapters(builder.Configuration);

        var app = builder.Build();
        app.UseComplianceApi();
        app.UseMiddleware<WriteGuard>();
        return app;
    }
}
