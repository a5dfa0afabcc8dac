using Compliance.Application.Catalog;
using Compliance.Application.UseCases.Requests;
using Compliance.Domain.Verdicts;
using FluentValidation;

namespace Compliance.Application.UseCases.Validation;

internal sealed class RequestExceptionRequestValidator : AbstractValidator<RequestExceptionRequest>
{
    public RequestExceptionRequestValidator()
    {
        RuleFor(r => r.ExceptionId).MustBeSlug("exception id");
        RuleFor(r => r.FindingKind).MustBeOneOf<RequestExceptionRequest, FindingKind>("findingKind").When(r => r.FindingKind is not null);
        RuleFor(r => r.FindingSubject).MustBeText("findingSubject", Inputs.MaxLongText).When(r => r.FindingKind is not null);
        RuleFor(r => r.FindingKind).NotNull().WithMessage("findingKind is required with findingSubject").When(r => r.FindingSubject is not null);
        RuleFor(r => r.ComponentId).MustBeText("componentId").When(r => r.ComponentId is not null);
        RuleFor(r => r.ComponentId).Must((r, c) => (c is null) != (r.FindingKind is null && r.FindingSubject is null))
            .WithMessage("name one finding (findingKind and findingSubject) or one component (componentId), not both and not neither");
        RuleFor(r => r.Reason).MustBeText("reason", Inputs.MaxLongText);
        RuleFor(r => r.ExpiresOn).NotEmpty().WithMessage("expiresOn is required: the day the acceptance ends, YYYY-MM-DD")
            .Must(QueryRules.IsDay).WithMessage("expiresOn must be a date YYYY-MM-DD");
    }
}

internal sealed class ApproveExceptionRequestValidator : AbstractValidator<ApproveExceptionRequest>;

internal sealed class RejectExceptionRequestValidator : AbstractValidator<RejectExceptionRequest>
{
    public RejectExceptionRequestValidator() => RuleFor(r => r.Reason).MustBeText("reason", Inputs.MaxLongText);
}

internal sealed class RecordCycleRequestValidator : AbstractValidator<RecordCycleRequest>
{
    public RecordCycleRequestValidator()
    {
        RuleFor(r => r.Cycle).MustBeText("cycle", 50);
        RuleFor(r => r.ReleaseDate).OptionalDay("releaseDate");
        RuleFor(r => r.Eoas).OptionalDay("eoas");
        RuleFor(r => r.Eol).OptionalDay("eol");
        RuleFor(r => r.Eoes).OptionalDay("eoes");
        RuleFor(r => r.Eol).Must((r, eol) => QueryRules.Day(eol, DateOnly.MaxValue) >= QueryRules.Day(r.Eoas, DateOnly.MinValue))
            .When(r => QueryRules.IsDay(r.Eol) && QueryRules.IsDay(r.Eoas)).WithMessage("eol must not be before eoas");
        RuleFor(r => r.Eoes).Must((r, eoes) => QueryRules.Day(eoes, DateOnly.MaxValue) >= QueryRules.Day(r.Eol, DateOnly.MinValue))
            .When(r => QueryRules.IsDay(r.Eoes) && QueryRules.IsDay(r.Eol)).WithMessage("eoes must not be before eol");
        RuleFor(r => r.Source).MustBeText("source (who says so: a URL or the announcement's title)", Inputs.MaxLongText);
        RuleFor(r => r.SourceDate).NotEmpty().WithMessage("sourceDate is required: the day the source published it, YYYY-MM-DD")
            .Must(QueryRules.IsDay).WithMessage("sourceDate must be a date YYYY-MM-DD");
    }

    /// <summary>The shipped catalog's facts come from endoflife.date; an operator records only what it lacks.</summary>
    public static string? ShippedProblem(string product, string? cycle) =>
        CatalogSnapshot.Embedded.Catalog.Product(product) is { } shipped && cycle is not null && shipped.Cycles.Any(c => c.Cycle == cycle.Trim())
            ? $"{product} {cycle.Trim()} is in the shipped catalog ({shipped.Source.Cycles}); its dates come from there"
            : null;
}

internal sealed class FleetFindingsQueryValidator : AbstractValidator<FleetFindingsQuery>
{
    public FleetFindingsQueryValidator()
    {
        RuleFor(q => q.Environment).Must(e => e is null || Inputs.TryEnum<Domain.Events.Environment>(e, out _)).WithMessage("environment must be staging or production");
        RuleFor(q => q.State).Must(s => s is null || Inputs.TryEnum<FindingState>(s, out _)).WithMessage($"state must be one of {Inputs.Spellings<FindingState>()}");
        RuleFor(q => q.AsOf).OptionalDay("asOf");
    }
}
