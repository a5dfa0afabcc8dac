using System.Text.RegularExpressions;
using Compliance.Application.Integration;
using Compliance.Application.Ports;
using Compliance.Contracts.Observations;
using Compliance.Domain.Catalog;
using Compliance.Domain.Deciders;

namespace Compliance.Application.CatalogRefresh;

/// <summary>What one refresh did: messages published per kind and the sources that failed (URL and reason).</summary>
public sealed record CatalogRefreshResult(int Cycles, int Patches, int Vulnerabilities, IReadOnlyList<string> Failures, DateTimeOffset At)
{
    public bool Complete => Failures.Count == 0;
}

/// <summary>
/// The catalog watcher: reads endoflife.date (per product) and the Kubernetes CVE feed, compares with the catalog the
/// ledger knows, and publishes what is new (a cycle with changed dates, a new latest patch, a new or changed CVE) as
/// observations with message ids derived from the fact, so a second refresh or a redelivery records nothing twice.
/// An unreachable or malformed source is reported and skipped; the others still refresh.
/// </summary>
public sealed partial class CatalogRefresher(
    EndOfLifeClient endOfLife,
    CveFeedClient cveFeed,
    IObservationPublisher publisher,
    Func<DateTimeOffset, CancellationToken, Task<ReleaseCatalog>> knownCatalog,
    IReadOnlyList<string> products,
    TimeProvider time)
{
    public const string EndOfLifeSource = "endoflife.date";
    public const string CveFeedSource = "kubernetes-cve-feed";
    public const string KubernetesProduct = "kubernetes";

    public async Task<CatalogRefreshResult> RefreshAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var catalog = await knownCatalog(now, ct);
        int cycles = 0, patches = 0, vulnerabilities = 0;
        var failures = new List<string>();
        foreach (var product in products)
        {
            try
            {
                foreach (var release in await endOfLife.ReleasesAsync(product, ct))
                {
                    if (IsNewCycle(catalog, product, release))
                    {
                        var cycle = new ReleaseCycleObserved(product, release.Name, release.ReleaseDate, release.EoasFrom, release.EolFrom,
                            release.EoesFrom, release.IsEol && release.EolFrom is null, now, EndOfLifeSource);
                        await publisher.PublishAsync(cycle, MessageIds.For(
                            $"ReleaseCycleObserved|{product}|{release.Name}|{release.ReleaseDate}|{release.EoasFrom}|{release.EolFrom}|{release.EoesFrom}|{cycle.EolReached}"), ct);
                        cycles++;
                    }

                    if (release is { LatestName: { Length: > 0 } latest, LatestDate: { } date } && !IsKnownPatch(catalog, product, latest))
                    {
                        var patch = new PatchReleased(product, release.Name, latest, new DateTimeOffset(date, TimeOnly.MinValue, TimeSpan.Zero), EndOfLifeSource);
                        await publisher.PublishAsync(patch, MessageIds.For($"PatchReleased|{product}|{latest}"), ct);
                        patches++;
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException or CatalogFeedException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                failures.Add($"{endOfLife.ProductUrl(product)}: {e.Message}");
            }
        }

        try
        {
            vulnerabilities = await PublishVulnerabilitiesAsync(catalog, ct);
        }
        catch (Exception e) when (e is HttpRequestException or CatalogFeedException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            failures.Add($"{cveFeed.FeedUrl}: {e.Message}");
        }

        return new CatalogRefreshResult(cycles, patches, vulnerabilities, failures, now);
    }

    private async Task<int> PublishVulnerabilitiesAsync(ReleaseCatalog catalog, CancellationToken ct)
    {
        var known = catalog.Vulnerabilities.ToDictionary(v => v.Id, StringComparer.Ordinal);
        var published = 0;
        foreach (var item in await cveFeed.ItemsAsync(ct))
        {
            if (!Identifiers.IsCveId(item.Id)) continue;
            known.TryGetValue(item.Id, out var k);
            var severity = SeverityOf(item.ContentText) is var read && read != "unknown" ? read
                : k?.Severity.ToString().ToLowerInvariant() ?? "unknown"; // curated severity stands when the text says none
            if (k is not null && k.Summary == item.Summary && k.Url == item.Url && k.PublishedAt == item.PublishedAt
                && string.Equals(k.Severity.ToString(), severity, StringComparison.OrdinalIgnoreCase))
                continue;
            var fixedIn = k?.FixedIn ?? [];
            var message = new VulnerabilityPublished(KubernetesProduct, item.Id, severity, item.Summary, item.Url, fixedIn, item.PublishedAt, CveFeedSource);
            await publisher.PublishAsync(message, MessageIds.For(
                $"VulnerabilityPublished|{item.Id}|{severity}|{item.Summary}|{item.Url}|{item.PublishedAt.UtcTicks}|{string.Join(",", fixedIn)}"), ct);
            published++;
        }

        return published;
    }

    private static bool IsNewCycle(ReleaseCatalog catalog, string product, EndOfLifeRelease r) =>
        catalog.Cycle(product, r.Name) is not { } known
        || known.ReleaseDate != r.ReleaseDate || known.Eoas != r.EoasFrom || known.Eol != r.EolFrom || known.Eoes != r.EoesFrom
        || known.EolReached != (r.IsEol && r.EolFrom is null);

    private static bool IsKnownPatch(ReleaseCatalog catalog, string product, string version) =>
        catalog.Product(product)?.Patches.Any(p => p.Version == version) ?? false;

    /// <summary>The feed has no severity field; Kubernetes advisories say "rated Medium" or "CVSS Rating: High" in the text.</summary>
    public static string SeverityOf(string text)
    {
        var match = SeverityText().Match(text);
        return match.Success ? match.Groups[1].Value.ToLowerInvariant() : "unknown";
    }

    [GeneratedRegex(@"\b(?:rated|severity|CVSS Rating:?)\W{0,3}(?:as\W+)?(Critical|High|Medium|Low)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SeverityText();
}
