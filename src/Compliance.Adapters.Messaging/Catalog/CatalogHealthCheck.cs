using Compliance.Application.Catalog;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Compliance.Adapters.Messaging.Catalog;

/// <summary>
/// Says how old the catalog is and how the last refresh went. Never unhealthy: an offline service still judges with
/// the shipped catalog; a failing refresh is <c>Degraded</c> with the sources that failed.
/// </summary>
internal sealed class CatalogHealthCheck(CatalogStatus status, IOptions<CatalogRefreshOptions> options, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var shippedAge = CatalogSnapshot.Embedded.AgeInDays(DateOnly.FromDateTime(now.UtcDateTime));
        var data = new Dictionary<string, object>
        {
            ["refreshEnabled"] = options.Value.RefreshEnabled,
            ["shippedCatalogAgeDays"] = shippedAge ?? -1,
        };
        if (status.LastComplete is { } complete) data["lastCompleteRefresh"] = complete;
        var last = status.Last;
        if (!options.Value.RefreshEnabled || last is null)
            return Task.FromResult(HealthCheckResult.Healthy(
                $"using the shipped catalog, {shippedAge} days old" + (options.Value.RefreshEnabled ? "; first refresh pending" : "; refresh disabled"), data));
        if (last.Complete)
            return Task.FromResult(HealthCheckResult.Healthy(
                $"catalog refreshed {last.At:u} ({last.Cycles} cycles, {last.Patches} patches, {last.Vulnerabilities} CVEs new)", data));
        data["failures"] = last.Failures;
        var since = status.LastComplete is { } at ? $"last complete refresh {at:u}" : $"shipped catalog {shippedAge} days old";
        return Task.FromResult(HealthCheckResult.Degraded($"catalog refresh failed for {last.Failures.Count} source(s); {since}", data: data));
    }
}
