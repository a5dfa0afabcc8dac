using System.Text.RegularExpressions;

namespace Compliance.Domain.Deciders;

/// <summary>Checks shared by the deciders.</summary>
internal static partial class Rules
{
    /// <summary>A DNS-label-like slug: 1 to 63 lowercase letters, digits and '-', starting and ending with a letter or digit.</summary>
    public static bool IsSlug(string? value) => value is not null && SlugPattern().IsMatch(value);

    /// <summary>A CVE id as MITRE writes it: CVE-YYYY-NNNN with four or more digits in the sequence number.</summary>
    public static bool IsCveId(string? value) => value is not null && CvePattern().IsMatch(value);

    public static bool IsBlank(string? value) => string.IsNullOrWhiteSpace(value);

    /// <summary>A SHA-256 in hex: 64 hex digits.</summary>
    public static bool IsSha256(string? value) => value is { Length: 64 } && value.All(char.IsAsciiHexDigit);

    public static bool SameItems<T>(IReadOnlyList<T>? left, IReadOnlyList<T>? right) =>
        (left ?? []).SequenceEqual(right ?? []);

    public static bool SameEntries(IReadOnlyDictionary<string, string>? left, IReadOnlyDictionary<string, string>? right)
    {
        left ??= new Dictionary<string, string>();
        right ??= new Dictionary<string, string>();
        return left.Count == right.Count
            && left.All(pair => right.TryGetValue(pair.Key, out var value) && string.Equals(value, pair.Value, StringComparison.Ordinal));
    }

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^CVE-[0-9]{4}-[0-9]{4,}$", RegexOptions.CultureInvariant)]
    private static partial Regex CvePattern();
}
