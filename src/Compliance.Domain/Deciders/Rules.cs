namespace Compliance.Domain.Deciders;

/// <summary>Checks shared by the deciders.</summary>
internal static class Rules
{
    public static bool IsSlug(string? value) => Identifiers.IsSlug(value);

    public static bool IsCveId(string? value) => Identifiers.IsCveId(value);

    public static bool IsBlank(string? value) => string.IsNullOrWhiteSpace(value);

    /// <summary>A SHA-256 in hex: 64 hex digits.</summary>
    public static bool IsSha256(string? value) => value is { Length: 64 } && value.All(char.IsAsciiHexDigit);

    public static bool SameItems<T>(IReadOnlyList<T>? left, IReadOnlyList<T>? right) =>
        (left ?? []).SequenceEqual(right ?? []);

    /// <summary>The same keys with the same values (ordinal); null reads as empty.</summary>
    public static bool SameEntries(IReadOnlyDictionary<string, string>? left, IReadOnlyDictionary<string, string>? right)
    {
        if (ReferenceEquals(left, right)) return true;
        left ??= new Dictionary<string, string>();
        right ??= new Dictionary<string, string>();
        return left.Count == right.Count
            && left.All(pair => right.TryGetValue(pair.Key, out var value) && string.Equals(value, pair.Value, StringComparison.Ordinal));
    }
}
