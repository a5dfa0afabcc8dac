using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Compliance.Host.Api.Page;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Compliance.Host.Api.Security;

/// <summary>
/// Authenticates the <c>X-Api-Key</c> header against the configured SHA-256 hashes. The key is hashed at once and never
/// logged or kept; the identity is the key's configured name and role. Without the header, a GET or HEAD may carry the
/// fleet page's sign-in cookie instead (<see cref="PageSession"/>). Challenges and refusals are problem details, except
/// on the fleet page, whose challenge is its sign-in form.
/// </summary>
internal sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<ApiSettings> settings,
    PageSession page)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || values.Count == 0 || string.IsNullOrEmpty(values[0]))
            return Task.FromResult(FromCookie());
        var match = Find(settings.CurrentValue.Keys, values[0]!);
        if (match is null)
        {
            Logger.LogInformation("Rejected an API key that matches no configured key ({Method} {Path})", Request.Method, Request.Path.Value);
            return Task.FromResult(AuthenticateResult.Fail("unknown API key"));
        }

        return Task.FromResult(Success(match));
    }

    /// <summary>The page's cookie, for reads only: a cookie never authorizes a command, whatever the key's role.</summary>
    private AuthenticateResult FromCookie()
    {
        if (!HttpMethods.IsGet(Request.Method) && !HttpMethods.IsHead(Request.Method)) return AuthenticateResult.NoResult();
        if (!Request.Cookies.TryGetValue(PageSession.Cookie, out var cookie)) return AuthenticateResult.NoResult();
        return page.Validate(cookie, settings.CurrentValue.Keys) is { } key ? Success(key) : AuthenticateResult.NoResult();
    }

    private static AuthenticateResult Success(ApiKeySetting match)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, match.Name), new Claim(ClaimTypes.Role, match.Role)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (FleetPageApi.IsPage(Request.Path))
        {
            Response.Redirect(FleetPageApi.SignInPath);
            return Task.CompletedTask;
        }

        return Problems.Write(Context, StatusCodes.Status401Unauthorized, "API key required",
            $"Send a valid key in the {Header} header.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.Write(Context, StatusCodes.Status403Forbidden, "Role not allowed",
            $"The key '{Context.User.Identity?.Name}' ({Context.User.FindFirstValue(ClaimTypes.Role)}) may not call this endpoint.");

    /// <summary>The configured key whose hash equals the hash of <paramref name="presented"/>; compared in constant time.</summary>
    internal static ApiKeySetting? Find(IEnumerable<ApiKeySetting> keys, string presented)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), hash);
        ApiKeySetting? found = null;
        Span<byte> expected = stackalloc byte[32];
        foreach (var key in keys)
        {
            if (key.Sha256.Length != 64 || Convert.FromHexString(key.Sha256, expected, out _, out _) != System.Buffers.OperationStatus.Done) continue;
            if (CryptographicOperations.FixedTimeEquals(hash, expected)) found = key;
        }

        return found;
    }

    /// <summary>The hex SHA-256 of a key, as configured in Compliance:Api:Keys:N:Sha256.</summary>
    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
