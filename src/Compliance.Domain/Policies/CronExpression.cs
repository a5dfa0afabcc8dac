using System.Diagnostics.CodeAnalysis;

namespace Compliance.Domain.Policies;

/// <summary>
/// A five-field cron expression (minute hour day-of-month month day-of-week) with lists (<c>1,15</c>), ranges
/// (<c>1-5</c>), steps (<c>*/15</c>, <c>0-30/10</c>), <c>*</c>, month and weekday names (<c>JAN</c>, <c>TUE</c>),
/// Sunday as 0 or 7, and the nth weekday of the month (<c>2#1</c> = first Tuesday).
/// </summary>
/// <remarks>
/// Day matching follows Vixie cron: when both day-of-month and day-of-week are restricted (neither starts with
/// <c>*</c>), a day matches if either matches; otherwise both must match. Occurrences are evaluated in an IANA time
/// zone: a local time that falls into a daylight-saving gap (skipped hour) happens at the first instant after the gap,
/// so a window is never silently lost; a local time that happens twice (clocks set back) happens once, at the first of
/// the two instants, so a window is never doubled.
/// </remarks>
public sealed class CronExpression
{
    private readonly CronField minutes;
    private readonly CronField hours;
    private readonly CronField daysOfMonth;
    private readonly CronField months;
    private readonly CronField daysOfWeek;

    private CronExpression(string text, CronField[] fields)
    {
        Text = text;
        (minutes, hours, daysOfMonth, months, daysOfWeek) = (fields[0], fields[1], fields[2], fields[3], fields[4]);
    }

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>Parses an expression; on failure <paramref name="error"/> names what is wrong.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out CronExpression? cron, [NotNullWhen(false)] out string? error)
    {
        cron = null;
        var fields = (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
        {
            error = $"cron expression '{text}' must have 5 fields (minute hour day-of-month month day-of-week), found {fields.Length}";
            return false;
        }
        var parsed = new CronField[5];
        for (var i = 0; i < 5; i++)
        {
            var field = CronField.Parse(fields[i], (CronFieldKind)i, out var fieldError);
            if (field is null)
            {
                error = $"cron expression '{text}': {fieldError}";
                return false;
            }
            parsed[i] = field;
        }
        var candidate = new CronExpression(string.Join(' ', fields), parsed);
        if (!candidate.MatchesAnyDay())
        {
            error = $"cron expression '{text}' never matches a calendar date";
            return false;
        }
        cron = candidate;
        error = null;
        return true;
    }

    /// <summary>Whether the expression's day fields accept <paramref name="date"/> (a local date in the schedule's zone).</summary>
    public bool MatchesDay(DateOnly date)
    {
        if (!months.Contains(date.Month)) return false;
        var dayOfMonth = daysOfMonth.Contains(date.Day);
        var weekday = (int)date.DayOfWeek;
        var nth = ((date.Day - 1) / 7) + 1;
        var dayOfWeek = daysOfWeek.Contains(weekday) || daysOfWeek.NthWeekdays.Any(w => w.Weekday == weekday && w.Nth == nth);
        return daysOfMonth.IsStar || daysOfWeek.IsStar ? dayOfMonth && dayOfWeek : dayOfMonth || dayOfWeek;
    }

    /// <summary>The instants in [<paramref name="from"/>, <paramref name="to"/>) at which the expression fires in <paramref name="zone"/>, in order.</summary>
    public IReadOnlyList<DateTimeOffset> Occurrences(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (to <= from) return [];
        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime).AddDays(-1);
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, zone).DateTime).AddDays(1);
        var found = new SortedSet<DateTimeOffset>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (!MatchesDay(day)) continue;
            for (var hour = 0; hour < 24; hour++)
            {
                if (!hours.Contains(hour)) continue;
                for (var minute = 0; minute < 60; minute++)
                {
                    if (!minutes.Contains(minute)) continue;
                    var instant = ToInstant(day.ToDateTime(new TimeOnly(hour, minute)), zone);
                    if (instant >= from && instant < to) found.Add(instant);
                }
            }
        }
        return [.. found];
    }

    /// <summary>As <see cref="Occurrences(DateTimeOffset, DateTimeOffset, TimeZoneInfo)"/> for an IANA zone id that must exist.</summary>
    public IReadOnlyList<DateTimeOffset> Occurrences(DateTimeOffset from, DateTimeOffset to, string timeZoneId) =>
        TimeZones.TryFind(timeZoneId, out var zone)
            ? Occurrences(from, to, zone)
            : throw new ArgumentException($"time zone '{timeZoneId}' does not exist", nameof(timeZoneId));

    public override string ToString() => Text;

    private static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(1);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        var utc = new DateTimeOffset(DateTime.SpecifyKind(local - offset, DateTimeKind.Utc));
        return offset.Ticks % TimeSpan.TicksPerMinute == 0 ? utc.ToOffset(offset) : utc;
    }

    /// <summary>The Gregorian calendar repeats every 400 years, so one cycle tells whether any date can ever match.</summary>
    private bool MatchesAnyDay()
    {
        var start = new DateOnly(2000, 1, 1);
        for (var day = start; day < start.AddYears(400); day = day.AddDays(1))
        {
            if (MatchesDay(day)) return true;
        }
        return false;
    }
}
