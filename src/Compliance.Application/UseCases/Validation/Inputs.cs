using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Compliance.Domain.Deciders;

namespace Compliance.Application.UseCases.Validation;

/// <summary>
/// The input rules every entry point shares (HTTP bodies and query strings, the CLI, bus messages): ids, text that can be
/// stored and printed safely, and enum names. Each is a pure check; <see cref="InputRules"/> wraps them for FluentValidation
/// and <see cref="TimeBounds"/> holds the limits on days, instants and durations.
/// </summary>
public static partial class Inputs
{
    /// <summary>Longest one-line text (names, products, versions).</summary>
    public const int MaxText = 200;

    /// <summary>Longest free text (notes, plans, reasons, findings).</summary>
    public const int MaxLongText = 4000;

    /// <summary>Most items in one list field.</summary>
    public const int MaxItems = 100;

    /// <summary>A cluster id: a DNS label (lowercase letters, digits, '-'; 1-63).</summary>
    public static bool IsSlug(string? value) => Identifiers.IsSlug(value);

    /// <summary>A window or emergency id: 1-100 of letters, digits, '.', '_', '-'.</summary>
    public static bool IsId(string? value) => value is not null && Id().IsMatch(value);

    /// <summary>CVE-YYYY-NNNN (four or more digits).</summary>
    public static bool IsCve(string? value) => Identifiers.IsCveId(value);

    /// <summary>
    /// Exactly one member of <typeparamref name="T"/> by its name in any case ("k3s", "Production"). Numbers, lists of
    /// members ("staging,production"), padding (" production") and anything else are refused: they would hide typos.
    /// </summary>
    public static bool TryEnum<T>(string? value, out T result) where T : struct, Enum
    {
        result = default;
        if (value is null) return false;
        foreach (var name in System.Enum.GetNames<T>())
        {
            if (!string.Equals(name, value, StringComparison.OrdinalIgnoreCase)) continue;
            result = System.Enum.Parse<T>(name);
            return true;
        }

        return false;
    }

    /// <summary>The member <see cref="TryEnum{T}"/> accepts; throws for anything else (call it on validated input only).</summary>
    public static T Enum<T>(string? value) where T : struct, Enum =>
        TryEnum<T>(value, out var result) ? result : throw new ArgumentException($"'{value}' is not a {typeof(T).Name}", nameof(value));

    /// <summary>The members as requests spell them: "staging|production".</summary>
    public static string Spellings<T>() where T : struct, Enum =>
        string.Join("|", System.Enum.GetNames<T>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]));

    /// <summary>
    /// Why <paramref name="value"/> cannot be stored as text, or null when it can: longer than <paramref name="max"/>,
    /// a control character (line breaks and tabs only where <paramref name="multiline"/>), a bidirectional override or
    /// isolate (U+202A-U+202E, U+2066-U+2069, and the marks U+200E, U+200F, U+061C), a lone surrogate, or nothing
    /// visible (only zero-width or other invisible characters). Null, empty and white-space-only text pass the visibility
    /// check: whether a field is required is the field's rule (<see cref="IsBlank"/>). The sentence reads after the
    /// field's name: "display name must not ...".
    /// </summary>
    public static string? TextProblem(string? value, int max = MaxText, bool multiline = false)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (value.Length > max) return $"must be at most {max} characters";
        var visible = false;
        for (var i = 0; i < value.Length;)
        {
            if (Rune.DecodeFromUtf16(value.AsSpan(i), out var rune, out var used) != System.Buffers.OperationStatus.Done)
                return $"is not valid Unicode text (a lone surrogate at character {i + 1})";
            if (IsBidiControl(rune)) return $"must not contain bidirectional controls ({Code(rune)} at character {i + 1})";
            if (Rune.IsControl(rune) && !(multiline && rune.Value is 0x0A or 0x0D or 0x09))
                return $"must not contain control characters ({Code(rune)} at character {i + 1}){(multiline ? "" : "; it is one line")}";
            if (!multiline && rune.Value is 0x2028 or 0x2029) return $"must not contain line separators ({Code(rune)} at character {i + 1}); it is one line";
            visible |= IsVisible(rune);
            i += used;
        }

        // Only white space is the "is required" rule's to refuse (it may be fine where the field is optional).
        return visible || IsBlank(value) ? null : "must contain a visible character (it holds only invisible characters)";
    }

    /// <summary>True when the text is null, empty or only white space (the "is required" rule).</summary>
    public static bool IsBlank(string? value) => string.IsNullOrWhiteSpace(value);

    private static bool IsBidiControl(Rune rune) => rune.Value is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069) or 0x200E or 0x200F or 0x061C;

    /// <summary>A character that draws something: not white space, a format or control character, a mark on its own, or a blank letter.</summary>
    private static bool IsVisible(Rune rune)
    {
        if (Rune.IsWhiteSpace(rune)) return false;
        if (rune.Value is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800 or 0x034F) return false;
        return Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.OtherNotAssigned
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator);
    }

    private static string Code(Rune rune) => string.Create(CultureInfo.InvariantCulture, $"U+{rune.Value:X4}");

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,100}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Id();
}
