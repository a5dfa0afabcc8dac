using System.Text.RegularExpressions;
using FluentValidation;

namespace Compliance.Application.UseCases.Validation;

/// <summary>Rules shared by the validators: ids, names, enum spellings.</summary>
internal static partial class Inputs
{
    public const int MaxText = 200;
    public const int MaxLongText = 4000;
    public const int MaxItems = 100;

    public static bool IsSlug(string? value) => value is not null && Slug().IsMatch(value);

    public static bool IsId(string? value) => value is not null && Id().IsMatch(value);

    public static bool IsCve(string? value) => value is not null && Cve().IsMatch(value);

    /// <summary>An enum member by name, any case; numbers are not accepted (they would hide typos).</summary>
    public static bool TryEnum<T>(string? value, out T result) where T : struct, Enum
    {
        result = default;
        return value is not null && !value.Any(char.IsDigit) && System.Enum.TryParse(value, ignoreCase: true, out result) && System.Enum.IsDefined(result);
    }

    public static T Enum<T>(string? value) where T : struct, System.Enum =>
        TryEnum<T>(value, out var result) ? result : throw new ArgumentException($"'{value}' is not a {typeof(T).Name}", nameof(value));

    public static string Spellings<T>() where T : struct, System.Enum =>
        string.Join("|", System.Enum.GetNames<T>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]));

    public static IRuleBuilderOptions<T, string?> MustBeSlug<T>(this IRuleBuilder<T, string?> rule, string what) =>
        rule.NotEmpty().WithMessage($"{what} is required")
            .Must(IsSlug).WithMessage($"{what} must be a DNS label: 1-63 lowercase letters, digits or '-', starting and ending with a letter or digit");

    public static IRuleBuilderOptions<T, string?> MustBeText<T>(this IRuleBuilder<T, string?> rule, string what, int max = MaxText) =>
        rule.Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage($"{what} is required")
            .MaximumLength(max).WithMessage($"{what} must be at most {max} characters");

    public static IRuleBuilderOptions<T, string?> MustBeOneOf<T, TEnum>(this IRuleBuilder<T, string?> rule, string what) where TEnum : struct, System.Enum =>
        rule.Must(v => TryEnum<TEnum>(v, out _)).WithMessage(v => $"{what} must be one of {Spellings<TEnum>()}");

    /// <summary>An id such as a window or emergency id: 1-100 of letters, digits, '.', '_', '-'.</summary>
    public static IRuleBuilderOptions<T, string?> MustBeId<T>(this IRuleBuilder<T, string?> rule, string what) =>
        rule.NotEmpty().WithMessage($"{what} is required")
            .Must(IsId).WithMessage($"{what} must be 1-100 letters, digits, '.', '_' or '-'");

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Slug();

    [GeneratedRegex("^CVE-[0-9]{4}-[0-9]{4,}$", RegexOptions.CultureInvariant)]
    private static partial Regex Cve();

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex Id();
}
