using System.Globalization;

namespace Compliance.Domain.Policies;

/// <summary>
/// The five-field syntax maintenance policies are written in, checked before Cronos reads an expression: numbers,
/// month and weekday names, <c>*</c>, ranges, steps, lists, Sunday as 0 or 7, and <c>#n</c> for the nth weekday.
/// Cronos also reads <c>L</c>, <c>W</c>, <c>H</c>, <c>?</c> and wrapping ranges (<c>5-1</c>); they are refused here, so a
/// schedule keeps the meaning it had and a problem is named by field and item.
/// </summary>
internal static class CronSyntax
{
    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    /// <summary>The first problem of one field, or null when the field is valid.</summary>
    public static string? Problem(string text, CronFieldKind kind)
    {
        foreach (var item in text.Split(','))
        {
            var problem = item.Length == 0 ? $"{Name(kind)} field '{text}' has an empty list item"
                : item.Contains('#', StringComparison.Ordinal) ? NthWeekdayProblem(item, kind)
                : RangeProblem(item, kind);
            if (problem is not null) return problem;
        }
        return null;
    }

    private static string? NthWeekdayProblem(string item, CronFieldKind kind)
    {
        if (kind != CronFieldKind.DayOfWeek)
            return $"'#' (nth weekday) is only allowed in the day-of-week field, not in {Name(kind)} '{item}'";
        var parts = item.Split('#');
        if (parts.Length != 2 || Value(parts[0], kind) is not (>= 0 and <= 7))
            return $"day-of-week item '{item}' must be a weekday (0-7 or SUN-SAT) followed by #1 to #5";
        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > 5)
            return $"day-of-week item '{item}': the nth weekday must be between 1 and 5";
        return null;
    }

    private static string? RangeProblem(string item, CronFieldKind kind)
    {
        var (min, max) = Range(kind);
        var body = item;
        var slash = item.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            body = item[..slash];
            if (!int.TryParse(item[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var step) || step < 1)
                return $"{Name(kind)} item '{item}': the step must be a positive whole number";
        }
        int from, to;
        if (body == "*")
        {
            return null;
        }
        if (body.Contains('-', StringComparison.Ordinal))
        {
            var ends = body.Split('-');
            if (ends.Length != 2 || Value(ends[0], kind) is not { } start || Value(ends[1], kind) is not { } end)
                return $"{Name(kind)} item '{item}' is not a range like 1-5";
            if (start > end) return $"{Name(kind)} range '{body}' is reversed (start after end)";
            (from, to) = (start, end);
        }
        else if (Value(body, kind) is { } value)
        {
            (from, to) = (value, value);
        }
        else
        {
            return $"{Name(kind)} item '{item}' is not a number, a range, a step or '*'";
        }
        return from < min || to > max ? $"{Name(kind)} value in '{item}' is outside {min}-{max}" : null;
    }

    private static int? Value(string text, CronFieldKind kind)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return value;
        var names = kind switch
        {
            CronFieldKind.Month => MonthNames,
            CronFieldKind.DayOfWeek => DayNames,
            _ => [],
        };
        var index = Array.FindIndex(names, n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : kind == CronFieldKind.Month ? index + 1 : index;
    }

    private static (int Min, int Max) Range(CronFieldKind kind) => kind switch
    {
        CronFieldKind.Minute => (0, 59),
        CronFieldKind.Hour => (0, 23),
        CronFieldKind.DayOfMonth => (1, 31),
        CronFieldKind.Month => (1, 12),
        CronFieldKind.DayOfWeek => (0, 7),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static string Name(CronFieldKind kind) => kind switch
    {
        CronFieldKind.Minute => "minute",
        CronFieldKind.Hour => "hour",
        CronFieldKind.DayOfMonth => "day-of-month",
        CronFieldKind.Month => "month",
        CronFieldKind.DayOfWeek => "day-of-week",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

internal enum CronFieldKind
{
    Minute,
    Hour,
    DayOfMonth,
    Month,
    DayOfWeek,
}
