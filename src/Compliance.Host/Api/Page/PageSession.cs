using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Compliance.Host.Api;
using Microsoft.AspNetCore.Http;

namespace Compliance.Host.Api.Page;

/// <summary>
/// The fleet page's sign-in: a browser cannot send the X-Api-Key header, so signing in with a configured key sets a
/// cookie naming that key, valid for <see cref="Lifetime"/> and signed with a secret this process drew at start.
/// The cookie holds no key and no role: each request looks the name up among the configured keys again, so removing
/// or replacing a key (its hash is part of what is signed) takes effect at once. It is HttpOnly and SameSite=Strict, and it is honoured for GET and HEAD only,
/// so the page (and the report download it links to) is read-only whatever the key's role. Each replica signs its
/// own cookies: behind a load balancer without sticky sessions a person signs in again when moved to another replica.
/// </summary>
internal sealed class PageSession(TimeProvider time)
{
    public const string Cookie = "compliance-page";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    private readonly byte[] secret = RandomNumberGenerator.GetBytes(32);

    /// <summary>The cookie value for the key called <paramref name="name"/>: name, expiry and a signature over both.</summary>
    public string Issue(ApiKeySetting key)
    {
        var expires = time.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var body = Base64Url(Encoding.UTF8.GetBytes(key.Name)) + "." + expires;
        return body + "." + Base64Url(Sign(body, key));
    }

    /// <summary>The configured key a cookie names, when its signature holds, it has not expired and the key still exists.</summary>
    public ApiKeySetting? Validate(string? cookie, IEnumerable<ApiKeySetting> keys)
    {
        if (string.IsNullOrEmpty(cookie) || cookie.Length > 512) return null;
        var parts = cookie.Split('.');
        if (parts.Length != 3) return null;
        byte[] presented;
        string name;
        try
        {
            presented = FromBase64Url(parts[2]);
            name = Encoding.UTF8.GetString(FromBase64Url(parts[0]));
        }
        catch (FormatException)
        {
            return null;
        }

        var key = keys.LastOrDefault(k => string.Equals(k.Name, name, StringComparison.Ordinal));
        if (key is null || !CryptographicOperations.FixedTimeEquals(presented, Sign(parts[0] + "." + parts[1], key))) return null;
        return long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires) && time.GetUtcNow().ToUnixTimeSeconds() < expires
            ? key
            : null;
    }

    public CookieOptions Options(HttpRequest request) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = request.IsHttps,
        Path = "/",
        MaxAge = Lifetime,
        IsEssential = true,
    };

    private byte[] Sign(string body, ApiKeySetting key) => HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(body + "|" + key.Sha256.ToLowerInvariant()));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }
}
