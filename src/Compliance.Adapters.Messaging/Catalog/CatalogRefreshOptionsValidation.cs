using Microsoft.Extensions.Options;

namespace Compliance.Adapters.Messaging.Catalog;

internal sealed class CatalogRefreshOptionsValidation : IValidateOptions<CatalogRefreshOptions>
{
    public ValidateOptionsResult Validate(string? name, CatalogRefreshOptions options)
    {
        var problems = new List<string>();
        if (!IsHttpUrl(options.EndOfLifeBaseUrl))
            problems.Add($"Compliance:Catalog:EndOfLifeBaseUrl '{options.EndOfLifeBaseUrl}' is not an absolute http(s) URL");
        if (!IsHttpUrl(options.CveFeedUrl))
            problems.Add($"Compliance:Catalog:CveFeedUrl '{options.CveFeedUrl}' is not an absolute http(s) URL");
        if (options.RefreshInterval < TimeSpan.FromSeconds(1))
            problems.Add($"Compliance:Catalog:RefreshInterval {options.RefreshInterval} must be at least one second");
        if (options.RequestTimeout <= TimeSpan.Zero)
            problems.Add($"Compliance:Catalog:RequestTimeout {options.RequestTimeout} must be positive");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static bool IsHttpUrl(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
