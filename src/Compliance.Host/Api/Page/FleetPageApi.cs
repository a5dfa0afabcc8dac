using System.Security.Claims;
using System.Text;
using Compliance.Host.Api;
using Compliance.Host.Api.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Compliance.Host.Api.Page;

/// <summary>
/// The fleet page at /fleet, read-only, for any role: a person signs in with an API key (a cookie, see
/// <see cref="PageSession"/>) and tools may send X-Api-Key as everywhere else. Server-rendered, with no script and no
/// external asset, under a content security policy that allows nothing from elsewhere.
/// </summary>
internal static class FleetPageApi
{
    public const string PagePath = "/fleet";
    public const string SignInPath = "/fleet/sign-in";
    public const string SignOutPath = "/fleet/sign-out";

    private const string HtmlType = "text/html; charset=utf-8";

    private const string Policy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>The page and the root, which leads to it: their challenge is the sign-in form, not a 401 problem.</summary>
    public static bool IsPage(PathString path) => path == "/" || path.StartsWithSegments(PagePath, StringComparison.OrdinalIgnoreCase);

    public static IServiceCollection AddFleetPage(this IServiceCollection services) => services
        .AddSingleton<PageSession>().AddSingleton<UpcomingWindows>().AddSingleton<FleetPageSource>().AddSingleton<FleetPageCache>();

    public static WebApplication MapFleetPage(this WebApplication app)
    {
        app.MapGet("/", () => Results.Redirect(PagePath)).RequireAuthorization(Roles.ReadPolicy).ExcludeFromDescription();
        var page = app.MapGroup(PagePath).RequireRateLimiting(ApiServices.RatePolicy).ExcludeFromDescription();
        page.MapGet("", Fleet).RequireAuthorization(Roles.ReadPolicy);
        page.MapGet("/sign-in", (HttpContext http) => Html(http, FleetPageHtml.SignIn(null), StatusCodes.Status200OK)).AllowAnonymous();
        page.MapPost("/sign-in", SignIn).AllowAnonymous();
        page.MapPost("/sign-out", SignOut).AllowAnonymous();
        return app;
    }

    private static async Task Fleet(HttpContext http, FleetPageCache cache, CancellationToken ct)
    {
        var built = await cache.GetAsync(ct);
        var who = $"{http.User.Identity!.Name} ({http.User.FindFirstValue(ClaimTypes.Role)})";
        Headers(http);
        http.Response.ContentType = HtmlType;
        await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(FleetPageHtml.Header(built.Model, who)), ct);
        await http.Response.Body.WriteAsync(built.Body, ct);
    }

    private static async Task<IResult> SignIn(HttpContext http, PageSession sessions, IOptionsMonitor<ApiSettings> settings, ILoggerFactory logs)
    {
        if (!SameOrigin(http.Request)) return Html(http, FleetPageHtml.SignIn("The sign-in form was posted from another site."), StatusCodes.Status403Forbidden);
        if (!http.Request.HasFormContentType) return Html(http, FleetPageHtml.SignIn("Send the form: field 'key'."), StatusCodes.Status400BadRequest);
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var presented = form["key"].ToString();
        if (presented.Length == 0) return Html(http, FleetPageHtml.SignIn("Enter an API key (field 'key')."), StatusCodes.Status400BadRequest);
        if (ApiKeyAuthentication.Find(settings.CurrentValue.Keys, presented) is not { } key)
        {
            logs.CreateLogger(typeof(FleetPageApi)).LogInformation("Fleet page: a sign-in with a key that matches no configured key was refused");
            return Html(http, FleetPageHtml.SignIn("That key matches no configured API key."), StatusCodes.Status401Unauthorized);
        }

        http.Response.Cookies.Append(PageSession.Cookie, sessions.Issue(key), sessions.Options(http.Request));
        return SeeOther(http, PagePath);
    }

    private static IResult SignOut(HttpContext http, PageSession sessions)
    {
        http.Response.Cookies.Delete(PageSession.Cookie, sessions.Options(http.Request));
        return SeeOther(http, SignInPath);
    }

    /// <summary>After a form post, the browser gets the next page with a GET.</summary>
    private static IResult SeeOther(HttpContext http, string path)
    {
        http.Response.Headers.Location = path;
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    /// <summary>A browser names the page's origin on a form post; a post from another site is refused (the cookie is SameSite=Strict as well).</summary>
    private static bool SameOrigin(HttpRequest request) =>
        !request.Headers.Origin.Any() || string.Equals(request.Headers.Origin.ToString(), $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);

    private static IResult Html(HttpContext http, string html, int status)
    {
        Headers(http);
        return Results.Text(html, HtmlType, Encoding.UTF8, status);
    }

    /// <summary>What every page answer carries: not cached, nothing from elsewhere.</summary>
    private static void Headers(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.ContentSecurityPolicy = Policy;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        // same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on the sign-in post, which then cannot be told from a post from elsewhere.
        http.Response.Headers["Referrer-Policy"] = "same-origin";
    }
}
