namespace Compliance.Adapters.Messaging.Catalog;

/// <summary>Section <c>Compliance:Catalog</c>: refreshing the shipped catalog from endoflife.date and the Kubernetes CVE feed.</summary>
public sealed class CatalogRefreshOptions
{
    public const string Section = "Compliance:Catalog";

    public bool RefreshEnabled { get; set; }

    public string EndOfLifeBaseUrl { get; set; } = "https://endoflife.date/";

    public string CveFeedUrl { get; set; } = "https://kubernetes.io/docs/reference/issues-security/official-cve-feed/index.json";

    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Timeout of each HTTP request to a feed.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
