using System.Globalization;

namespace Compliance.Application.UseCases.Validation;

/// <summary>
/// The limits on time every input is held to: days and instants between <see cref="FirstDay"/> and <see cref="LastDay"/>
/// (the verdicts do day arithmetic on them, which the extremes of DateOnly would overflow), and how far from now the
/// things people record may lie.
/// </summary>
public static class TimeBounds
{
    /// <summary>The earliest day any input may name.</summary>
    public static DateOnly FirstDay { get; } = new(1970, 1, 1);

    /// <summary>The latest day any input may name.</summary>
    public static DateOnly LastDay { get; } = new(2200, 12, 31);

    /// <summary>How far ahead a maintenance window may be scheduled.</summary>
    public static TimeSpan ScheduleAhead { get; } = TimeSpan.FromDays(366);

    /// <summary>How long one emergency patch may last: it exempts the changes it covers from "unrecorded change".</summary>
    public static TimeSpan LongestEmergency { get; } = TimeSpan.FromDays(7);

    /// <summary>How far back an emergency patch may be recorded.</summary>
    public static TimeSpan EmergencyRecordedWithin { get; } = TimeSpan.FromDays(366);

    /// <summary>How far a sender's clock may run ahead of ours: "not in the future" allows this much.</summary>
    public static TimeSpan ClockSkew { get; } = TimeSpan.FromMinutes(5);

    /// <summary>"1970-01-01 to 2200-12-31", for messages.</summary>
    public static string Range { get; } = $"{Day(FirstDay)} to {Day(LastDay)}";

    public static bool Contains(DateOnly day) => day >= FirstDay && day <= LastDay;

    public static bool Contains(DateTimeOffset instant) => Contains(DateOnly.FromDateTime(instant.UtcDateTime));

    /// <summary>Why <paramref name="instant"/> cannot be an input (outside the range, or later than now and the clock skew allow), or null.</summary>
    public static string? PastInstantProblem(DateTimeOffset instant, DateTimeOffset now) =>
        !Contains(instant) ? $"must be from {Range}"
        : instant > now + ClockSkew ? $"must not be in the future (it is {Instant(instant)}, now is {Instant(now)})"
        : null;

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Instant(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
