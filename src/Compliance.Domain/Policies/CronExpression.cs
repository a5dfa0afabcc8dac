using System.Diagnostics.CodeAnalysis;
using Cronos;

namespace Compliance.Domain.Policies;

/// <summary>
/// A five-field cron expression (minute hour day-of-month month day-of-week) with lists (<c>1,15</c>), ranges
/// (<c>1-5</c>), steps (<c>*/15</c>, <c>0-30/10</c>), <c>*</c>, month and weekday names (<c>JAN</c>, <c>TUE</c>),
/// Sunday as 0 or 7, and the nth weekday of the month (<c>2#1</c> = first Tuesday). Cronos computes the occurrences;
/// <see cref="CronSyntax"/> checks the text first.
/// </summary>
/// <remarks>
/// Day matching follows Vixie cron, as policies always have: when both day-of-month and day-of-week are restricted
/// (neither starts with <c>*</c>), a day matches if either matches; otherwise both must match. Cronos always combines
/// the two with AND, so an either-day expression runs as one Cronos schedule per day field, and an nth-weekday item
/// in a list (<c>1#1,5#3</c>) as one schedule of its own; the occurrences are their union. New policies may not restrict
/// both fields (<see cref="RestrictsBothDays"/>, refused by policy validation) because cron dialects read them
/// differently. Occurrences are evaluated in an IANA time zone: a local time that falls into a daylight-saving gap
/// happens at the first instant after the gap, so a window is never silently lost; a local time that happens twice
/// (clocks set back) happens once, at the first of the two instants, so a window is never doubled.
/// </remarks>
public sealed class CronExpression
{
    private readonly Cronos.CronExpression[] schedules;

    private CronExpression(string text, bool restrictsBothDays, Cronos.CronExpression[] schedules)
    {
        Text = text;
        RestrictsBothDays = restrictsBothDays;
        this.schedules = schedules;
    }

    /// <summary>The expression as written (fields separated by one space).</summary>
    public string Text { get; }

    /// <summary>Both day-of-month and day-of-week are restricted (neither starts with <c>*</c>): a day matching either runs.</summary>
    public bool RestrictsBothDays { get; }

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
        for (var i = 0; i < 5; i++)
        {
            if (CronSyntax.Problem(fields[i], (CronFieldKind)i) is { } problem)
            {
                error = $"cron expression '{text}': {problem}";
                return false;
            }
        }
        var restrictsBoth = !fields[2].StartsWith('*') && !fields[4].StartsWith('*');
        var candidate = new CronExpression(string.Join(' ', fields), restrictsBoth, Schedules(fields, restrictsBoth));
        if (!candidate.MatchesAnyDay())
        {
            error = $"cron expression '{text}' never matches a calendar date";
            return false;
        }
        cron = candidate;
        error = null;
        return true;
    }

    /// <summary>The instants in [<paramref name="from"/>, <paramref name="to"/>) at which the expression fires in <paramref name="zone"/>, in order.</summary>
    public IReadOnlyList<DateTimeOffset> Occurrences(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (to <= from) return [];
        var found = new SortedSet<DateTimeOffset>();
        foreach (var schedule in schedules)
        {
            foreach (var instant in schedule.GetOccurrences(from, to, zone, fromInclusive: true, toInclusive: false))
            {
                if (!IsRepeatOfEarlierInstant(instant, zone)) found.Add(instant);
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

    /// <summary>
    /// The Cronos schedules whose union is the expression: one for an AND of the day fields, or one per day field when
    /// both are restricted; each nth-weekday item of a day-of-week list in a schedule of its own (Cronos reads
    /// <c>#</c> only as the whole field).
    /// </summary>
    private static Cronos.CronExpression[] Schedules(string[] fields, bool restrictsBothDays)
    {
        var (minute, hour, dayOfMonth, month, dayOfWeek) = (fields[0], fields[1], fields[2], fields[3], fields[4]);
        var items = dayOfWeek.Split(',');
        var plain = items.Where(i => !i.Contains('#', StringComparison.Ordinal)).ToList();
        var weekdays = items.Where(i => i.Contains('#', StringComparison.Ordinal))
            .Prepend(plain.Count > 0 ? string.Join(',', plain) : null)
            .OfType<string>();
        var days = restrictsBothDays
            ? weekdays.Select(w => ("*", w)).Prepend((dayOfMonth, "*"))
            : weekdays.Select(w => (dayOfMonth, w));
        return [.. days.Select(d => Cronos.CronExpression.Parse($"{minute} {hour} {d.Item1} {month} {d.Item2}", CronFormat.Standard))];
    }

    /// <summary>
    /// Cronos fires an interval schedule (<c>*/15</c>, <c>0-30</c>) in both passes of a local hour that happens twice;
    /// policies fire once, at the first pass (the daylight-saving offset).
    /// </summary>
    private static bool IsRepeatOfEarlierInstant(DateTimeOffset instant, TimeZoneInfo zone) =>
        zone.IsAmbiguousTime(instant) && instant.Offset != zone.GetAmbiguousTimeOffsets(instant).Max();

    /// <summary>Whether any schedule ever fires; Cronos searches the calendar, which repeats every 400 years.</summary>
    private bool MatchesAnyDay() =>
        schedules.Any(s => s.GetNextOccurrence(new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc), inclusive: true) is not null);
}
