using System.Globalization;
using Compliance.Domain.Verdicts;
using Compliance.Application.UseCases.Requests;
using FluentValidation;
using Environment = Compliance.Domain.Events.Environment;

namespace Compliance.Application.UseCases.Validation;

/// <summary>Query-string rules: dates are YYYY-MM-DD within <see cref="TimeBounds.Range"/>, numbers are whole, names are from their lists.</summary>
internal static class QueryRules
{
    /// <summary>A day written YYYY-MM-DD within <see cref="TimeBounds"/>: the verdicts' day arithmetic stays far from DateOnly's ends.</summary>
    public static bool IsDay(string? value) => TryDay(value, out var day) && TimeBounds.Contains(day);

    public static bool TryDay(string? value, out DateOnly day) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    public static DateOnly Day(string? value, DateOnly fallback) => value is null ? fallback : TryDay(value, out var d) ? d : fallback;

    public static IRuleBuilderOptions<T, string?> OptionalDay<T>(this IRuleBuilder<T, string?> rule, string name) =>
        rule.Must(v => v is null || IsDay(v)).WithMessage(v => $"{name} must be a date YYYY-MM-DD from {TimeBounds.Range}");

    public static bool IsWhole(string? value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max;
}

internal sealed class AsOfQueryValidator : AbstractValidator<AsOfQuery>
{
    public AsOfQueryValidator() => RuleFor(q => q.AsOf).OptionalDay("asOf");
}

internal sealed class FleetEolQueryValidator : AbstractValidator<FleetEolQuery>
{
    public FleetEolQueryValidator()
    {
        RuleFor(q => q.Environment).Must(e => e is null || Inputs.TryEnum<Environment>(e, out _)).WithMessage("environment must be staging or production");
        RuleFor(q => q.MinLevel).Must(l => l is null || (Inputs.TryEnum<EolLevel>(l, out var level) && level != EolLevel.Unknown))
            .WithMessage("minLevel must be one of low|medium|high|eol");
        RuleFor(q => q.AsOf).OptionalDay("asOf");
    }
}

internal sealed class CheckQueryValidator : AbstractValidator<CheckQuery>
{
    public CheckQueryValidator()
    {
        RuleFor(q => q.Version).NotEmpty().WithMessage("version is required: the version string as observed")
            .OptionalText("version");
        RuleFor(q => q.Product).Must(p => p is null || Catalog.CatalogSnapshot.Embedded.Catalog.Product(p) is not null)
            .WithMessage(q => $"product '{q.Product}' is not in the catalog");
        RuleFor(q => q.AsOf).OptionalDay("asOf");
    }
}

internal sealed class PatchLatencyQueryValidator : AbstractValidator<PatchLatencyQuery>
{
    public PatchLatencyQueryValidator()
    {
        RuleFor(q => q.From).OptionalDay("from");
        RuleFor(q => q.To).OptionalDay("to")
            .Must((q, to) => QueryRules.Day(to, DateOnly.MaxValue) >= QueryRules.Day(q.From, DateOnly.MinValue))
            .When(q => QueryRules.IsDay(q.From) && QueryRules.IsDay(q.To), ApplyConditionTo.CurrentValidator).WithMessage("to must not be before from");
    }
}

internal sealed class HistoryQueryValidator : AbstractValidator<HistoryQuery>
{
    public const int MaxPageSize = 500;

    public HistoryQueryValidator()
    {
        RuleFor(q => q.Page).Must(p => p is null || QueryRules.IsWhole(p, 1, 1_000_000)).WithMessage("page must be a whole number from 1");
        RuleFor(q => q.PageSize).Must(p => p is null || QueryRules.IsWhole(p, 1, MaxPageSize)).WithMessage($"pageSize must be a whole number 1-{MaxPageSize}");
    }
}

internal sealed class ReportQueryValidator : AbstractValidator<ReportQuery>
{
    public ReportQueryValidator()
    {
        RuleFor(q => q.Scope).Must(s => s is null || IsScope(s)).WithMessage("scope must be fleet, environment:NAME or cluster:ID");
        RuleFor(q => q.From).OptionalDay("from");
        RuleFor(q => q.To).OptionalDay("to")
            .Must((q, to) => QueryRules.Day(to, DateOnly.MaxValue) >= QueryRules.Day(q.From, DateOnly.MinValue))
            .When(q => QueryRules.IsDay(q.From) && QueryRules.IsDay(q.To), ApplyConditionTo.CurrentValidator).WithMessage("to must not be before from");
        RuleFor(q => q.AsOf).OptionalDay("asOf");
    }

    private static bool IsScope(string scope) =>
        scope == "fleet"
        || (scope.StartsWith("environment:", StringComparison.Ordinal) && Inputs.TryEnum<Environment>(scope["environment:".Length..], out _))
        || (scope.StartsWith("cluster:", StringComparison.Ordinal) && Inputs.IsSlug(scope["cluster:".Length..]));
}
