using System.Globalization;
using Compliance.Host.Api.Security;
using Microsoft.Extensions.Options;

namespace Compliance.Host.Api;

/// <summary>Compliance:Api: the keys allowed in, how often each may call, how large a request may be, and how much report work runs at once.</summary>
public sealed class ApiSettings
{
    public const string Section = "Compliance:Api";

    public List<ApiKeySetting> Keys { get; set; } = [];

    public RateLimitSetting RateLimit { get; set; } = new();

    /// <summary>Largest request body accepted; larger ones get 413.</summary>
    public int MaxRequestBodyBytes { get; set; } = 64 * 1024;

    public ReportSetting Reports { get; set; } = new();
}

/// <summary>One API key: a name (the actor recorded in the ledger), a role, and the SHA-256 of the key in hex (the key itself is never stored).</summary>
public sealed class ApiKeySetting
{
    public string Name { get; set; } = "";

    public string Role { get; set; } = "";

    public string Sha256 { get; set; } = "";
}

/// <summary>
/// A fixed window per API key: at most PermitLimit requests per WindowSeconds; callers without a valid key (whose
/// answers are 401) share AnonymousPermitLimit per client address in the same window.
/// </summary>
public sealed class RateLimitSetting
{
    public int PermitLimit { get; set; } = 600;

    public int AnonymousPermitLimit { get; set; } = 60;

    public int WindowSeconds { get; set; } = 60;
}

/// <summary>
/// Report work: at most MaxConcurrent different reports render at once (others get 503 with Retry-After:
/// RetryAfterSeconds), the last CachedReports documents are kept for identical requests, and a report as of now answers
/// identical requests for FreshSeconds while the ledger's facts stay the same.
/// </summary>
public sealed class ReportSetting
{
    public int MaxConcurrent { get; set; } = 2;

    public int CachedReports { get; set; } = 16;

    public int FreshSeconds { get; set; } = 300;

    public int RetryAfterSeconds { get; set; } = 10;
}

/// <summary>Checks Compliance:Api at start, one message per problem.</summary>
internal sealed class ApiSettingsValidation : IValidateOptions<ApiSettings>
{
    public ValidateOptionsResult Validate(string? name, ApiSettings options)
    {
        var problems = new List<string>();
        for (var i = 0; i < options.Keys.Count; i++)
        {
            var key = options.Keys[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"Compliance:Api:Keys:{i}");
            if (string.IsNullOrWhiteSpace(key.Name)) problems.Add($"{at}:Name is required (it is recorded as the actor of every command)");
            if (!Roles.IsKnown(key.Role)) problems.Add($"{at}:Role '{key.Role}' is not one of auditor, operator, admin");
            if (!IsSha256Hex(key.Sha256)) problems.Add($"{at}:Sha256 must be the 64 hex digits of the key's SHA-256 (e.g. printf %s KEY | sha256sum)");
        }

        foreach (var duplicate in options.Keys.GroupBy(k => k.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
            problems.Add($"Compliance:Api:Keys: name '{duplicate.Key}' is used by {duplicate.Count()} keys; names identify actors and must be unique");
        if (options.RateLimit.PermitLimit < 1) problems.Add("Compliance:Api:RateLimit:PermitLimit must be at least 1");
        if (options.RateLimit.AnonymousPermitLimit < 1) problems.Add("Compliance:Api:RateLimit:AnonymousPermitLimit must be at least 1");
        if (options.RateLimit.WindowSeconds < 1) problems.Add("Compliance:Api:RateLimit:WindowSeconds must be at least 1");
        if (options.Reports.MaxConcurrent < 1) problems.Add("Compliance:Api:Reports:MaxConcurrent must be at least 1");
        if (options.Reports.CachedReports < 0) problems.Add("Compliance:Api:Reports:CachedReports must not be negative");
        if (options.Reports.FreshSeconds < 1) problems.Add("Compliance:Api:Reports:FreshSeconds must be at least 1");
        if (options.Reports.RetryAfterSeconds < 1) problems.Add("Compliance:Api:Reports:RetryAfterSeconds must be at least 1");
        if (options.MaxRequestBodyBytes < 1024) problems.Add("Compliance:Api:MaxRequestBodyBytes must be at least 1024");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static bool IsSha256Hex(string? value) => value is { Length: 64 } && value.All(Uri.IsHexDigit);
}
