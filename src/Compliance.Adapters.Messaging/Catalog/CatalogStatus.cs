using Compliance.Application.CatalogRefresh;

namespace Compliance.Adapters.Messaging.Catalog;

/// <summary>The last catalog refresh, shared between the refresh service and the health check.</summary>
public sealed class CatalogStatus
{
    private CatalogRefreshResult? last;
    private DateTimeOffset? lastComplete;

    public CatalogRefreshResult? Last => Volatile.Read(ref last);

    /// <summary>When every source last answered; null when never (the shipped catalog is all there is).</summary>
    public DateTimeOffset? LastComplete => lastComplete;

    public void Record(CatalogRefreshResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Complete) lastComplete = result.At;
        Volatile.Write(ref last, result);
    }
}
