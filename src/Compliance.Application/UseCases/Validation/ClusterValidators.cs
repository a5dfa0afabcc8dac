using Compliance.Domain.Deciders;
using Compliance.Domain.Policies;
using Compliance.Domain.Versions;
using Compliance.Application.UseCases.Requests;
using FluentValidation;
using Environment = Compliance.Domain.Events.Environment;

namespace Compliance.Application.UseCases.Validation;

internal sealed class RegisterClusterValidator : AbstractValidator<RegisterClusterRequest>
{
    public RegisterClusterValidator()
    {
        RuleFor(r => r.ClusterId).MustBeSlug("cluster id");
        RuleFor(r => r.DisplayName).MustBeText("display name");
        RuleFor(r => r.OwnerTeam).MustBeText("owner team");
        RuleFor(r => r.Environment).MustBeOneOf<RegisterClusterRequest, Environment>("environment");
        RuleFor(r => r.Flavour).MustBeOneOf<RegisterClusterRequest, Flavour>("flavour");
        When(r => r.StagingClusterId is not null, () =>
        {
            RuleFor(r => r.StagingClusterId).MustBeSlug("staging cluster id")
                .NotEqual(r => r.ClusterId).WithMessage("a cluster cannot be its own staging cluster");
            RuleFor(r => r.Environment)
                .Must(e => Inputs.TryEnum<Environment>(e, out var env) && env == Environment.Production)
                .WithMessage("only a production cluster may name a staging cluster");
        });
    }
}

internal sealed class SetPolicyValidator : AbstractValidator<SetPolicyRequest>
{
    public SetPolicyValidator()
    {
        RuleFor(r => r.WindowCron).NotEmpty().WithMessage("window cron is required")
            .Must(c => PolicyValidation.CronProblem(c) is null).WithMessage(r => $"window cron: {PolicyValidation.CronProblem(r.WindowCron)}")
            .When(r => r.WindowCron is not null, ApplyConditionTo.CurrentValidator);
        RuleFor(r => r.WindowHours).NotNull().WithMessage("window hours is required")
            .GreaterThan(0).WithMessage("window hours must be positive").LessThanOrEqualTo(24).WithMessage("window hours must be at most 24");
        RuleFor(r => r.TimeZone).NotEmpty().WithMessage("time zone is required")
            .Must(z => TimeZones.TryFind(z!, out _)).WithMessage(r => $"time zone '{r.TimeZone}' does not exist (use an IANA id such as Europe/Berlin)")
            .When(r => !string.IsNullOrEmpty(r.TimeZone), ApplyConditionTo.CurrentValidator);
        RuleFor(r => r.CriticalSlaHours).NotNull().WithMessage("critical SLA hours is required")
            .GreaterThan(0).WithMessage("critical SLA hours must be positive").LessThanOrEqualTo(24 * 90).WithMessage("critical SLA hours must be at most 2160");
        RuleFor(r => r.OtherSlaDays).NotNull().WithMessage("other SLA days is required")
            .GreaterThan(0).WithMessage("other SLA days must be positive").LessThanOrEqualTo(366).WithMessage("other SLA days must be at most 366");
        RuleFor(r => r.NoticeDays).NotNull().WithMessage("notice days is required").InclusiveBetween(0, 366).WithMessage("notice days must be 0-366");
        RuleFor(r => r.StagingSoakDays).NotNull().WithMessage("staging soak days is required").InclusiveBetween(0, 366).WithMessage("staging soak days must be 0-366");
        RuleFor(r => r.EolHighDays).NotNull().WithMessage("EOL high days is required").InclusiveBetween(1, 3650).WithMessage("EOL high days must be 1-3650");
        RuleFor(r => r.EolMediumDays).NotNull().WithMessage("EOL medium days is required").InclusiveBetween(1, 3650).WithMessage("EOL medium days must be 1-3650")
            .GreaterThan(r => r.EolHighDays).When(r => r.EolHighDays is not null, ApplyConditionTo.CurrentValidator).WithMessage("EOL medium days must be above EOL high days");
        RuleFor(r => r.WindowCadenceDays).InclusiveBetween(1, 366).When(r => r.WindowCadenceDays is not null, ApplyConditionTo.CurrentValidator).WithMessage("window cadence days must be 1-366");
        RuleFor(r => r.RetrospectiveDays).InclusiveBetween(0, 366).When(r => r.RetrospectiveDays is not null, ApplyConditionTo.CurrentValidator).WithMessage("retrospective days must be 0-366");
    }
}

internal sealed class EmergencyPatchValidator : AbstractValidator<EmergencyPatchRequest>
{
    public EmergencyPatchValidator()
    {
        RuleFor(r => r.EmergencyId).MustBeId("emergency id");
        RuleFor(r => r.CveIds).NotEmpty().WithMessage("cve ids: name at least one CVE the patch fixes")
            .Must(l => l!.Count <= Inputs.MaxItems).When(r => r.CveIds is not null, ApplyConditionTo.CurrentValidator).WithMessage($"cve ids: at most {Inputs.MaxItems}");
        RuleForEach(r => r.CveIds).Must(Inputs.IsCve).WithMessage((_, id) => $"'{id}' is not a CVE id (CVE-YYYY-NNNN)");
        RuleFor(r => r.Products).NotEmpty().WithMessage("products: name at least one product the patch changed")
            .Must(l => l!.Count <= Inputs.MaxItems).When(r => r.Products is not null, ApplyConditionTo.CurrentValidator).WithMessage($"products: at most {Inputs.MaxItems}");
        RuleForEach(r => r.Products).MustBeText("product");
        RuleFor(r => r.StartedAt).NotNull().WithMessage("started at is required");
        RuleFor(r => r.EndedAt).NotNull().WithMessage("ended at is required")
            .GreaterThanOrEqualTo(r => r.StartedAt).When(r => r.StartedAt is not null, ApplyConditionTo.CurrentValidator).WithMessage("ended at must not be before started at");
    }
}
