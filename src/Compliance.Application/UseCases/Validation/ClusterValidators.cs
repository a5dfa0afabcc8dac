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
    /// <summary>A five-field cron is a few dozen characters; anything much longer is not one.</summary>
    public const int MaxCron = 100;

    /// <summary>The shortest window: a quarter of an hour.</summary>
    public const double MinWindowHours = 0.25;

    public SetPolicyValidator()
    {
        RuleFor(r => r.WindowCron).NotEmpty().WithMessage("window cron is required")
            .OptionalText("window cron", MaxCron)
            .Must(c => PolicyValidation.CronProblem(c) is null).WithMessage(r => $"window cron: {PolicyValidation.CronProblem(r.WindowCron)}")
            .When(r => r.WindowCron is not null && Inputs.TextProblem(r.WindowCron, MaxCron) is null, ApplyConditionTo.CurrentValidator);
        RuleFor(r => r.WindowHours).NotNull().WithMessage("window hours is required")
            .InclusiveBetween(MinWindowHours, 24).WithMessage("window hours must be from 0.25 (15 minutes) to 24");
        RuleFor(r => r.TimeZone).NotEmpty().WithMessage("time zone is required")
            .OptionalText("time zone", 100)
            .Must(z => TimeZones.TryFind(z!, out _)).WithMessage(r => $"time zone '{r.TimeZone}' does not exist (use an IANA id such as Europe/Berlin)")
            .When(r => !string.IsNullOrEmpty(r.TimeZone) && Inputs.TextProblem(r.TimeZone, 100) is null, ApplyConditionTo.CurrentValidator);
        RuleFor(r => r.CriticalSlaHours).NotNull().WithMessage("critical SLA hours is required")
            .InclusiveBetween(1, 24 * 90).WithMessage("critical SLA hours must be from 1 to 2160 (90 days)");
        RuleFor(r => r.OtherSlaDays).NotNull().WithMessage("other SLA days is required")
            .InclusiveBetween(1, 366).WithMessage("other SLA days must be from 1 to 366");
        RuleFor(r => r.NoticeDays).NotNull().WithMessage("notice days is required").InclusiveBetween(0, 366).WithMessage("notice days must be 0-366");
        RuleFor(r => r.StagingSoakDays).NotNull().WithMessage("staging soak days is required").InclusiveBetween(0, 366).WithMessage("staging soak days must be 0-366");
        RuleFor(r => r.EolHighDays).NotNull().WithMessage("EOL high days is required").InclusiveBetween(1, 3650).WithMessage("EOL high days must be 1-3650");
        RuleFor(r => r.EolMediumDays).NotNull().WithMessage("EOL medium days is required").InclusiveBetween(1, 3650).WithMessage("EOL medium days must be 1-3650")
            .GreaterThan(r => r.EolHighDays).When(r => r.EolHighDays is not null, ApplyConditionTo.CurrentValidator).WithMessage("EOL medium days must be above EOL high days");
        RuleFor(r => r.WindowCadenceDays).InclusiveBetween(1, 366).When(r => r.WindowCadenceDays is not null, ApplyConditionTo.CurrentValidator).WithMessage("window cadence days must be 1-366");
        RuleFor(r => r.RetrospectiveDays).InclusiveBetween(0, 366).When(r => r.RetrospectiveDays is not null, ApplyConditionTo.CurrentValidator).WithMessage("retrospective days must be 0-366");
    }
}

/// <summary>An emergency patch exempts the changes it covers from "unrecorded change", so it is held to a short span that has already happened.</summary>
internal sealed class EmergencyPatchValidator : AbstractValidator<EmergencyPatchRequest>
{
    public EmergencyPatchValidator(TimeProvider time)
    {
        RuleFor(r => r.EmergencyId).MustBeId("emergency id");
        RuleFor(r => r.CveIds).NotEmpty().WithMessage("cve ids: name at least one CVE the patch fixes")
            .Must(l => l!.Count <= Inputs.MaxItems).When(r => r.CveIds is not null, ApplyConditionTo.CurrentValidator).WithMessage($"cve ids: at most {Inputs.MaxItems}");
        RuleForEach(r => r.CveIds).Must(Inputs.IsCve).WithMessage((_, id) => $"'{id}' is not a CVE id (CVE-YYYY-NNNN)");
        RuleFor(r => r.Products).NotEmpty().WithMessage("products: name at least one product the patch changed")
            .Must(l => l!.Count <= Inputs.MaxItems).When(r => r.Products is not null, ApplyConditionTo.CurrentValidator).WithMessage($"products: at most {Inputs.MaxItems}");
        RuleForEach(r => r.Products).MustBeText("product");
        RuleFor(r => r.StartedAt).MustBeInstant("started at")
            .Must(t => t >= time.GetUtcNow() - TimeBounds.EmergencyRecordedWithin).When(r => r.StartedAt is { } t && TimeBounds.Contains(t), ApplyConditionTo.CurrentValidator)
            .WithMessage($"started at must be within the last {TimeBounds.EmergencyRecordedWithin.TotalDays:0} days");
        RuleFor(r => r.EndedAt).MustBeInstant("ended at")
            .GreaterThanOrEqualTo(r => r.StartedAt).When(r => r.StartedAt is not null, ApplyConditionTo.CurrentValidator).WithMessage("ended at must not be before started at")
            .Must((r, end) => end - r.StartedAt <= TimeBounds.LongestEmergency).When(r => r.StartedAt is not null && r.EndedAt >= r.StartedAt, ApplyConditionTo.CurrentValidator)
            .WithMessage($"an emergency patch lasts at most {TimeBounds.LongestEmergency.TotalDays:0} days")
            .Must(t => TimeBounds.PastInstantProblem(t!.Value, time.GetUtcNow()) is null).When(r => r.EndedAt is { } t && TimeBounds.Contains(t), ApplyConditionTo.CurrentValidator)
            .WithMessage((_, t) => $"ended at {TimeBounds.PastInstantProblem(t!.Value, time.GetUtcNow())}");
    }
}
