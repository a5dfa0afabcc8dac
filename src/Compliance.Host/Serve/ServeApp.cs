using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Host.Serve;

/// <summary>
/// `compliance serve`: the API, the projections and (through their one line each) the adapters, composed on one
/// WebApplication over the data directory's SQLite ledger and read models.
/// </summary>
public static class ServeApp
{
    public static WebApplication Build(string[] args, ServeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        ServeConfiguration.Add(builder.Configuration, args, options);
        builder.WebHost.UseUrls(options.Urls);

        builder.Services.AddComplianceCore(builder.Configuration);
        builder.Services.AddComplianceStore(builder.Configuration);
        builder.Services.AddComplianceApi(builder.Configuration);
        if (options.Adapters)
        {
            builder.Services.AddComplianceMessaging(builder.Configuration);
            builder.Services.AddComplianceKubernetes(builder.Configuration);
        }

        var app = builder.Build();
        app.UseComplianceApi();
        return app;
    }
}
