using Compliance.Domain.Catalog;

namespace Compliance.Domain.Verdicts;

/// <summary>
/// The EOL risk of one version as of a day. <see cref="DaysLeft"/> counts the days until the level becomes
/// <see cref="EolLevel.Eol"/>: to eoes when extended support counts for the cycle, to eol otherwise (negative once past).
/// </summary>
public sealed record EolAssessment(
    EolLevel Level,
    string? Note,
    ReleaseCycle? Cycle,
    int? DaysLeft,
    int? PatchesBehind,
    int? OldestMissingPatchAgeDays,
    string? LatestPatch,
    bool ExtendedSupportCounted);

/// <summary>Whole UTC days as instants.</summary>
public static class Days
{
    /// <summary>The last instant of a UTC day: what "as of the end of day D" means.</summary>
    public static DateTimeOffset EndOf(DateOnly day) => new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddTicks(-1);

    public static DateOnly Of(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);

    public static int Between(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;
}
