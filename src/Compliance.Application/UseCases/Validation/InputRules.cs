using FluentValidation;

namespace Compliance.Application.UseCases.Validation;

/// <summary>
/// <see cref="Inputs"/> and <see cref="TimeBounds"/> as FluentValidation rules, so every validator (request bodies, query
/// strings, bus messages) states a field's rule in one call and names the field in its message.
/// </summary>
public static class InputRules
{
    /// <summary>Required, a DNS label (a cluster id).</summary>
    public static IRuleBuilderOptions<T, string?> MustBeSlug<T>(this IRuleBuilder<T, string?> rule, string what) =>
        rule.NotEmpty().WithMessage($"{what} is required")
            .Must(Inputs.IsSlug).WithMessage($"{what} must be a DNS label: 1-63 lowercase letters, digits or '-', starting and ending with a letter or digit");

    /// <summary>Required, an id such as a window or emergency id: 1-100 of letters, digits, '.', '_', '-'.</summary>
    public static IRuleBuilderOptions<T, string?> MustBeId<T>(this IRuleBuilder<T, string?> rule, string what) =>
        rule.NotEmpty().WithMessage($"{what} is required")
            .Must(Inputs.IsId).WithMessage($"{what} must be 1-100 letters, digits, '.', '_' or '-'");

    /// <summary>Required text with something visible in it, within <paramref name="max"/> characters (see <see cref="Inputs.TextProblem"/>).</summary>
    public static IRuleBuilderOptions<T, string?> MustBeText<T>(this IRuleBuilder<T, string?> rule, string what, int max = Inputs.MaxText, bool multiline = false) =>
        rule.Must(v => !Inputs.IsBlank(v)).WithMessage($"{what} is required")
            .OptionalText(what, max, multiline);

    /// <summary>Text that may be left out (or blank), held to the same rule as required text when given.</summary>
    public static IRuleBuilderOptions<T, string?> OptionalText<T>(this IRuleBuilder<T, string?> rule, string what, int max = Inputs.MaxText, bool multiline = false) =>
        rule.Must(v => Inputs.TextProblem(v, max, multiline) is null).WithMessage((_, v) => $"{what} {Inputs.TextProblem(v, max, multiline)}");

    /// <summary>Exactly one member of <typeparamref name="TEnum"/> by name (see <see cref="Inputs.TryEnum{T}"/>).</summary>
    public static IRuleBuilderOptions<T, string?> MustBeOneOf<T, TEnum>(this IRuleBuilder<T, string?> rule, string what) where TEnum : struct, Enum =>
        rule.Must(v => Inputs.TryEnum<TEnum>(v, out _)).WithMessage($"{what} must be one of {Inputs.Spellings<TEnum>()}");

    /// <summary>Required, an instant within <see cref="TimeBounds.Range"/>.</summary>
    public static IRuleBuilderOptions<T, DateTimeOffset?> MustBeInstant<T>(this IRuleBuilder<T, DateTimeOffset?> rule, string what) =>
        rule.NotNull().WithMessage($"{what} is required")
            .Must(t => t is null || TimeBounds.Contains(t.Value)).WithMessage($"{what} must be from {TimeBounds.Range}");
}
