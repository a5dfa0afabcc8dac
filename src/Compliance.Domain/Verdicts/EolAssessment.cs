using Compliance.Domain.Catalog;

namespace Compliance.Domain.Verdicts;

/// <summary>
/// The end of one kind of support and the whole days left to it on the day judged: 0 on the day itself, negative once
/// past. A date always travels with its own count, so no answer can show one date beside another date's count.
/// </summary>
public sealed record SupportEnd(DateOnly Ends, int DaysLeft)
{
    public static SupportEnd? Of(DateOnly? ends, DateOnly asOf) => ends is { } day ? new SupportEnd(day, Days.Between(asOf, day)) : null;
}

/// <summary>
/// The EOL risk of one version as of a day, with the dates it judged by: end of active support, end of standard support
/// (the cycle's eol) and, only where extended support counts for the cycle, end of extended support; each with its days
/// left. <see cref="Cycle"/> is the release line whose dates these are: for a distribution kernel, its OS release's.
/// </summary>
public sealed record EolAssessment(
    EolLevel Level,
    string? Note,
    ReleaseCycle? Cycle,
    SupportEnd? ActiveSupport,
    SupportEnd? StandardSupport,
    SupportEnd? ExtendedSupport,
    int? PatchesBehind,
    int? OldestMissingPatchAgeDays,
    string? LatestPatch)
{
    public bool ExtendedSupportCounted => ExtendedSupport is not null;

    /// <summary>When the level becomes eol: end of extended support where it counts, else end of standard support.</summary>
    public SupportEnd? Deadline() => ExtendedSupport ?? StandardSupport;
}

/// <summary>Whole UTC days as instants.</summary>
public static class Days
{
    /// <summary>The last instant of a UTC day: what "as of the end of day D" means.</summary>
    public static DateTimeOffset EndOf(DateOnly day) => new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddTicks(-1);

    /// <summary>The first instant of a UTC day.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static DateOnly Of(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);

    public static int Between(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;
}
