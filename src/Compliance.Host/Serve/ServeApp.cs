using Compliance.Host.Api;
using Compliance.Host.Composition;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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
        if (options.Verbose) builder.Configuration.AddInMemoryCollection(VerboseLogging);
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.FormatterName = OneLineConsoleFormatter.FormatterName);
        builder.Logging.AddConsoleFormatter<OneLineConsoleFormatter, OneLineConsoleOptions>(format => format.StackTraces = options.Verbose);

        builder.Services.AddComplianceCore(builder.Configuration);
        builder.Services.AddComplianceProjections();
        builder.Services.AddHostedService<DependencyLog>();
        builder.Services.AddComplianceApi(builder.Configuration);
        if (options.Adapters) builder.Services.AddComplianceAdapters(builder.Configuration);

        var app = builder.Build();
        app.UseComplianceApi();
        app.UseMiddleware<WriteGuard>();
        return app;
    }

    private static readonly Dictionary<string, string?> VerboseLogging = new()
    {
        ["Logging:LogLevel:Default"] = "Debug",
        ["Logging:LogLevel:MassTransit"] = "Debug",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
    };
}
