using Compliance.Domain.Deciders;
using Compliance.Domain.Events;
using Compliance.Domain.Versions;
using Compliance.Application.UseCases.Requests;
using FluentValidation;

namespace Compliance.Application.UseCases.Validation;

/// <summary>A window is scheduled ahead (the decider's tolerance for "now"), at most <see cref="TimeBounds.ScheduleAhead"/> ahead.</summary>
internal sealed class ScheduleWindowValidator : AbstractValidator<ScheduleWindowRequest>
{
    public ScheduleWindowValidator(TimeProvider time)
    {
        RuleFor(r => r.WindowId).MustBeId("window id");
        RuleFor(r => r.StartsAt).MustBeInstant("starts at")
            .Must(t => t >= time.GetUtcNow() - MaintenanceDecider.PastScheduleTolerance).When(r => r.StartsAt is { } t && TimeBounds.Contains(t), ApplyConditionTo.CurrentValidator)
            .WithMessage(_ => $"starts at must not be in the past (now is {TimeBounds.Instant(time.GetUtcNow())}): windows are scheduled ahead")
            .Must(t => t <= time.GetUtcNow() + TimeBounds.ScheduleAhead).When(r => r.StartsAt is { } t && TimeBounds.Contains(t), ApplyConditionTo.CurrentValidator)
            .WithMessage($"starts at must be within {TimeBounds.ScheduleAhead.TotalDays:0} days from now");
        RuleFor(r => r.EndsAt).MustBeInstant("ends at")
            .GreaterThan(r => r.StartsAt).When(r => r.StartsAt is not null, ApplyConditionTo.CurrentValidator).WithMessage("ends at must be after starts at")
            .Must((r, end) => end - r.StartsAt <= TimeSpan.FromHours(24)).When(r => r.StartsAt is not null && r.EndsAt > r.StartsAt, ApplyConditionTo.CurrentValidator)
            .WithMessage("a window lasts at most 24 hours");
        RuleFor(r => r.ContingencyPlan).OptionalText("contingency plan", Inputs.MaxLongText, multiline: true);
        RuleFor(r => r.PlannedChanges).Must(l => l is null || l.Count <= Inputs.MaxItems).WithMessage($"planned changes: at most {Inputs.MaxItems}");
        RuleForEach(r => r.PlannedChanges).NotNull().WithMessage("planned change must be an object").SetValidator(new PlannedChangeValidator()!);
    }
}

internal sealed class PlannedChangeValidator : AbstractValidator<PlannedChangeRequest>
{
    public PlannedChangeValidator()
    {
        RuleFor(c => c.Kind).MustBeOneOf<PlannedChangeRequest, ComponentKind>("kind");
        RuleFor(c => c.Product).MustBeText("product");
        RuleFor(c => c.ToVersion).MustBeText("to version");
        RuleFor(c => c.ChangeKind).Must(k => Inputs.TryEnum<ChangeKind>(k, out var kind) && kind is ChangeKind.Patch or ChangeKind.Minor or ChangeKind.Major)
            .WithMessage("change kind must be one of patch|minor|major");
    }
}

internal sealed class AnnounceValidator : AbstractValidator<AnnounceRequest>
{
    public AnnounceValidator()
    {
        RuleFor(r => r.Audience).MustBeText("audience");
        RuleFor(r => r.ChangeKinds).NotEmpty().WithMessage("change kinds: name at least one of patch|minor|major");
        RuleForEach(r => r.ChangeKinds).Must(k => Inputs.TryEnum<ChangeKind>(k, out var kind) && kind is ChangeKind.Patch or ChangeKind.Minor or ChangeKind.Major)
            .WithMessage("change kind must be one of patch|minor|major");
    }
}

internal sealed class StartValidator : AbstractValidator<StartRequest>;

internal sealed class UpgradeValidator : AbstractValidator<UpgradeRequest>
{
    public UpgradeValidator()
    {
        RuleFor(r => r.Kind).MustBeOneOf<UpgradeRequest, ComponentKind>("kind");
        RuleFor(r => r.Product).MustBeText("product");
        RuleFor(r => r.Node).OptionalText("node", 253);
        RuleFor(r => r.FromVersion).MustBeText("from version");
        RuleFor(r => r.ToVersion).MustBeText("to version")
            .NotEqual(r => r.FromVersion).When(r => r.FromVersion is not null, ApplyConditionTo.CurrentValidator).WithMessage("to version is the same as from version");
    }
}

internal sealed class DrainValidator : AbstractValidator<DrainRequest>
{
    public DrainValidator()
    {
        RuleFor(r => r.Node).MustBeText("node", 253);
        RuleFor(r => r.DurationSeconds).NotNull().WithMessage("duration seconds is required")
            .InclusiveBetween(0, 86_400).WithMessage("duration seconds must be 0-86400");
        RuleForEach(r => r.Problems).MustBeOneOf<DrainRequest, DrainProblem>("problem");
    }
}

internal sealed class CompleteValidator : AbstractValidator<CompleteRequest>
{
    public CompleteValidator()
    {
        RuleFor(r => r.Outcome).MustBeOneOf<CompleteRequest, WindowOutcome>("outcome");
        RuleFor(r => r.Notes).OptionalText("notes", Inputs.MaxLongText, multiline: true);
    }
}

internal sealed class AbortValidator : AbstractValidator<AbortRequest>
{
    public AbortValidator()
    {
        RuleFor(r => r.Reason).MustBeText("reason", Inputs.MaxLongText, multiline: true);
        RuleFor(r => r.ContingencyUsed).NotNull().WithMessage("contingency used is required (true or false)");
    }
}

internal sealed class RetrospectiveValidator : AbstractValidator<RetrospectiveRequest>
{
    public RetrospectiveValidator()
    {
        RuleFor(r => r.Findings).NotEmpty().WithMessage("findings: at least one finding")
            .Must(l => l!.Count <= Inputs.MaxItems).When(r => r.Findings is not null, ApplyConditionTo.CurrentValidator).WithMessage($"findings: at most {Inputs.MaxItems}");
        RuleForEach(r => r.Findings).MustBeText("finding", Inputs.MaxLongText, multiline: true);
        RuleFor(r => r.Improvements).Must(l => l is null || l.Count <= Inputs.MaxItems).WithMessage($"improvements: at most {Inputs.MaxItems}");
        RuleForEach(r => r.Improvements).MustBeText("improvement", Inputs.MaxLongText, multiline: true);
    }
}
