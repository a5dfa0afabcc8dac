using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Compliance.Application.CatalogRefresh;

/// <summary>One release cycle as endoflife.date's v1 API lists it (<c>result.releases[]</c>).</summary>
public sealed record EndOfLifeRelease(
    string Name,
    DateOnly? ReleaseDate,
    bool IsEoas,
    DateOnly? EoasFrom,
    bool IsEol,
    DateOnly? EolFrom,
    DateOnly? EoesFrom,
    string? LatestName,
    DateOnly? LatestDate);

/// <summary>Reads <c>GET {baseUrl}/api/v1/products/{product}</c> of endoflife.date.</summary>
public sealed class EndOfLifeClient(HttpClient http, Uri baseUrl)
{
    public Uri ProductUrl(string product) => new(baseUrl, $"api/v1/products/{Uri.EscapeDataString(product)}");

    /// <summary>The product's releases; throws <see cref="CatalogFeedException"/> naming the URL when the answer is not the v1 shape.</summary>
    public async Task<IReadOnlyList<EndOfLifeRelease>> ReleasesAsync(string product, CancellationToken ct)
    {
        var url = ProductUrl(product);
        using var response = await http.GetAsync(url, ct);
        if (!response.IsSuccessStatusCode) throw new CatalogFeedException($"{url} answered {(int)response.StatusCode} {response.ReasonPhrase}");
        JsonElement root;
        try
        {
            root = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        }
        catch (JsonException e)
        {
            throw new CatalogFeedException($"{url} did not answer JSON: {e.Message}");
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("result", out var result)
            || !result.TryGetProperty("releases", out var releases) || releases.ValueKind != JsonValueKind.Array)
            throw new CatalogFeedException($"{url} has no result.releases array (not the endoflife.date v1 shape)");

        var list = new List<EndOfLifeRelease>();
        foreach (var r in releases.EnumerateArray())
        {
            var name = Text(r, "name");
            if (string.IsNullOrWhiteSpace(name)) continue;
            var latest = r.TryGetProperty("latest", out var l) && l.ValueKind == JsonValueKind.Object ? l : default;
            list.Add(new EndOfLifeRelease(
                name,
                Date(r, "releaseDate", url),
                Flag(r, "isEoas"),
                Date(r, "eoasFrom", url),
                Flag(r, "isEol"),
                Date(r, "eolFrom", url),
                Date(r, "eoesFrom", url),
                latest.ValueKind == JsonValueKind.Object ? Text(latest, "name") : null,
                latest.ValueKind == JsonValueKind.Object ? Date(latest, "date", url) : null));
        }

        return list;
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool Flag(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    private static DateOnly? Date(JsonElement e, string name, Uri url)
    {
        var text = Text(e, name);
        if (string.IsNullOrEmpty(text)) return null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new CatalogFeedException($"{url}: {name} '{text}' is not a yyyy-MM-dd date");
    }
}
