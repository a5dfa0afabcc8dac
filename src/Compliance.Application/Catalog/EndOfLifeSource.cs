using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Compliance.Application.Catalog;

/// <summary>A date-or-flag support field of endoflife.date: a date, <c>true</c> (ended, no date) or neither.</summary>
internal readonly record struct SupportDate(DateOnly? Date, bool Reached);

internal sealed record SourceCycle(string Cycle, DateOnly? ReleaseDate, SupportDate Eoas, SupportDate Eol, SupportDate Eoes);

internal sealed record SourceVersion(string Version, DateOnly Date);

/// <summary>One entry of a product's <c>identifiers</c>: its kind as spelled (purl, cpe, repology) and value.</summary>
internal sealed record SourceIdentifier(string Kind, string Value);

/// <summary>One endoflife.date product file as read.</summary>
internal sealed record SourceProduct(
    string Product,
    string Title,
    SnapshotSource Source,
    IReadOnlyList<SourceCycle> Cycles,
    IReadOnlyList<SourceVersion> Versions,
    IReadOnlyList<SourceIdentifier> Identifiers);

/// <summary>Reads endoflife.date product files (product, title, identifiers, source, cycles, versions). A malformed file is a problem, not an exception.</summary>
internal static partial class EndOfLifeSource
{
    [GeneratedRegex(@"\((\d{4}-\d{2}-\d{2})\)")]
    private static partial Regex RetrievalDate();

    public static (SourceProduct? Product, string? Problem) Read(string fileName, ReadOnlySpan<byte> json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json.ToArray());
            var root = doc.RootElement;
            var product = root.GetProperty("product").GetString() ?? throw new FormatException("product is null");
            var title = root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : product;
            var source = root.GetProperty("source");
            var cyclesFrom = Text(source, "cycles");
            var versionsFrom = Text(source, "versions");
            var retrieved = new[] { cyclesFrom, versionsFrom }
                .Select(s => RetrievalDate().Match(s))
                .Where(m => m.Success)
                .Select(m => DateOnly.ParseExact(m.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture))
                .ToList();
            if (retrieved.Count == 0) return (null, $"{fileName}: no retrieval date \"(yyyy-MM-dd)\" in source");

            var cycles = root.GetProperty("cycles").EnumerateArray().Select(c => new SourceCycle(
                Scalar(c.GetProperty("releaseCycle")),
                Date(c, "releaseDate").Date,
                Date(c, "eoas"),
                Date(c, "eol"),
                Date(c, "eoes"))).ToList();
            var versions = root.TryGetProperty("versions", out var vs) && vs.ValueKind == JsonValueKind.Array
                ? vs.EnumerateArray().Select(v => new SourceVersion(
                    Scalar(v.GetProperty("version")),
                    Date(v, "date").Date ?? throw new FormatException($"version {Scalar(v.GetProperty("version"))} has no date"))).ToList()
                : [];
            var identifiers = root.TryGetProperty("identifiers", out var ids) && ids.ValueKind == JsonValueKind.Array
                ? ids.EnumerateArray().Select(Identifier).ToList()
                : [];
            return (new SourceProduct(
                product,
                title,
                new SnapshotSource(cyclesFrom, versionsFrom, Text(source, "license"), retrieved.Min()),
                cycles,
                versions,
                identifiers), null);
        }
        catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return (null, $"{fileName}: {e.Message}");
        }
    }

    /// <summary>An identifier object of one property, <c>{"purl": "pkg:docker/library/postgres"}</c>.</summary>
    private static SourceIdentifier Identifier(JsonElement entry)
    {
        var properties = entry.ValueKind == JsonValueKind.Object ? entry.EnumerateObject().ToList() : [];
        if (properties.Count != 1 || properties[0].Value.ValueKind != JsonValueKind.String)
            throw new FormatException($"identifiers: expected an object of one string such as {{\"purl\": \"pkg:...\"}}, found {entry.GetRawText()}");
        var (kind, value) = (properties[0].Name, properties[0].Value.GetString()!);
        if (CatalogIdentifiers.KindOf(kind) is null)
            throw new FormatException($"identifiers: unknown kind \"{kind}\" (expected {CatalogIdentifiers.Kinds})");
        return new SourceIdentifier(kind, value);
    }

    private static string Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    private static string Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetRawText(),
        _ => throw new FormatException($"expected a string, found {value.ValueKind}"),
    };

    private static SupportDate Date(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var v)) return default;
        return v.ValueKind switch
        {
            JsonValueKind.String => new SupportDate(ParseDate(v.GetString()!, name), false),
            JsonValueKind.True => new SupportDate(null, true),
            JsonValueKind.False or JsonValueKind.Null => default,
            _ => throw new FormatException($"{name}: expected a date, true or false, found {v.ValueKind}"),
        };
    }

    private static DateOnly ParseDate(string text, string name) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new FormatException($"{name}: \"{text}\" is not a yyyy-MM-dd date");
}
