using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Compliance.Application.Reports;
using Compliance.Host.Api.Commands;
using Compliance.Host.Api.Queries;
using Compliance.Host.Api.Security;
using Compliance.Host.Api.Page;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prometheus;
using Scalar.AspNetCore;

namespace Compliance.Host.Api;

/// <summary>The HTTP API: keys and roles, rate limits, size limits, validation, OpenAPI and the endpoint groups under /api/v1.</summary>
internal static class ApiServices
{
    public const string RatePolicy = "per-key";

    public static IServiceCollection AddComplianceApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiSettings>().Bind(configuration.GetSection(ApiSettings.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiSettings>, ApiSettingsValidation>();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<ApiSettings>>((kestrel, api) =>
        {
            kestrel.Limits.MaxRequestBodySize = api.Value.MaxRequestBodyBytes;
            kestrel.AddServerHeader = false;
        });

        services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.ReadPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.AllowedBy(Roles.ReadPolicy)))
            .AddPolicy(Roles.OperatePolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.AllowedBy(Roles.OperatePolicy)))
            .AddPolicy(Roles.AdministerPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.AllowedBy(Roles.AdministerPolicy)))
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddRateLimiter(limits =>
        {
            limits.AddPolicy(RatePolicy, PerKey);
            limits.OnRejected = async (context, ct) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                    context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await Problems.Write(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
                    context.HttpContext.User.Identity?.IsAuthenticated == true
                        ? "This API key used up its requests for the current window; retry after the Retry-After seconds."
                        : "Requests without a valid API key from this address used up their share of the current window; retry after the Retry-After seconds.");
            };
        });

        services.AddProblemDetails();
        services.AddExceptionHandler<StoreExceptionHandler>();
        services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));
        services.AddSingleton<CommandEndpoint>();
        services.AddSingleton<FleetEolCache>();
        services.AddSingleton(s =>
        {
            var r = s.GetRequiredService<IOptions<ApiSettings>>().Value.Reports;
            return new ReportLimits(r.MaxConcurrent, r.CachedReports, TimeSpan.FromSeconds(r.FreshSeconds), TimeSpan.FromSeconds(r.RetryAfterSeconds));
        });
        services.AddSingleton(s => new RenderSlots(s.GetRequiredService<ReportLimits>().MaxConcurrent));
        services.AddSingleton<FactHead>();
        services.AddSingleton<ReportIssuer>();
        services.AddComplianceOpenApi();
        services.AddFleetPage();
        return services;
    }

    public static WebApplication UseComplianceApi(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ApiSettings>>().Value.Keys.Count == 0)
        {
            app.Logger.LogWarning("No API keys are configured (Compliance:Api:Keys, e.g. COMPLIANCE_API__KEYS__0__NAME, __ROLE, __SHA256): every /api/v1 call will get 401");
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<StoreRequestBudget>();
        app.UseMiddleware<BodySizeLimit>();
        app.UseHttpMetrics();
        app.UseAuthentication();
        // Before authorization, so that the 401s of callers without a valid key are limited too (per address).
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapGroup("/api/v1").RequireRateLimiting(RatePolicy)
            .MapClusterQueries()
            .MapFleetQueries()
            .MapReports()
            .MapClusterCommands()
            .MapWindowCommands()
            .MapExceptionCommands()
            .MapCatalogCommands();

        app.MapFleetPage();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthJson.WriteAsync })
            .AllowAnonymous();
        app.MapMetrics("/metrics").AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/scalar", scalar => scalar.WithTitle("Compliance API")).AllowAnonymous();
        return app;
    }

    /// <summary>A fixed window per API key name; callers without a valid key share a smaller one per client address.</summary>
    private static RateLimitPartition<string> PerKey(HttpContext http)
    {
        var limit = http.RequestServices.GetRequiredService<IOptionsMonitor<ApiSettings>>().CurrentValue.RateLimit;
        var authenticated = http.User.Identity?.IsAuthenticated == true;
        var partition = authenticated ? "key:" + http.User.Identity!.Name : "address:" + http.Connection.RemoteIpAddress;
        return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = authenticated ? limit.PermitLimit : limit.AnonymousPermitLimit,
            Window = TimeSpan.FromSeconds(limit.WindowSeconds),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
