using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Compliance.Application.CatalogRefresh;

/// <summary>One item of the Kubernetes official CVE feed (JSON Feed 1.1 plus the <c>_kubernetes_io</c> extension).</summary>
public sealed record CveFeedItem(string Id, string Url, string Summary, string ContentText, DateTimeOffset PublishedAt, string? Status, int? IssueNumber);

/// <summary>Reads the Kubernetes official CVE feed (https://kubernetes.io/docs/reference/issues-security/official-cve-feed/index.json).</summary>
public sealed class CveFeedClient(HttpClient http, Uri feedUrl)
{
    public Uri FeedUrl => feedUrl;

    public async Task<IReadOnlyList<CveFeedItem>> ItemsAsync(CancellationToken ct)
    {
        using var response = await http.GetAsync(feedUrl, ct);
        if (!response.IsSuccessStatusCode) throw new CatalogFeedException($"{feedUrl} answered {(int)response.StatusCode} {response.ReasonPhrase}");
        JsonElement root;
        try
        {
            root = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        }
        catch (JsonException e)
        {
            throw new CatalogFeedException($"{feedUrl} did not answer JSON: {e.Message}");
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
            throw new CatalogFeedException($"{feedUrl} has no items array (not a JSON Feed)");

        var list = new List<CveFeedItem>();
        foreach (var item in items.EnumerateArray())
        {
            var id = Text(item, "id");
            var published = Text(item, "date_published");
            if (string.IsNullOrWhiteSpace(id) || published is null) continue;
            if (!DateTimeOffset.TryParse(published, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                throw new CatalogFeedException($"{feedUrl}: item {id} date_published '{published}' is not a date");
            int? issue = item.TryGetProperty("_kubernetes_io", out var k8s) && k8s.ValueKind == JsonValueKind.Object
                && k8s.TryGetProperty("issue_number", out var n) && n.ValueKind == JsonValueKind.Number ? n.GetInt32() : null;
            list.Add(new CveFeedItem(id.Trim(), Text(item, "url") ?? "", Text(item, "summary") ?? "", Text(item, "content_text") ?? "",
                at.ToUniversalTime(), Text(item, "status"), issue));
        }

        return list;
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
