using System.Globalization;

namespace Compliance.Domain.Policies;

/// <summary>
/// One parsed field of a cron expression: the set of allowed values as bits, plus for day-of-week the
/// "nth weekday of the month" items (<c>2#1</c>). <see cref="IsStar"/> follows Vixie cron: a field that starts with
/// <c>*</c> does not restrict the day (which matters for the day-of-month / day-of-week OR rule).
/// </summary>
internal sealed record CronField(ulong Bits, bool IsStar, IReadOnlyList<(int Weekday, int Nth)> NthWeekdays)
{
    public bool Contains(int value) => (Bits & (1UL << value)) != 0;

    internal static readonly string[] MonthNames =
        ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    internal static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    /// <summary>Parses one field; returns null and sets <paramref name="error"/> when the text is not valid.</summary>
    public static CronField? Parse(string text, CronFieldKind kind, out string? error)
    {
        var (min, max) = Range(kind);
        var bits = 0UL;
        var nth = new List<(int, int)>();
        foreach (var item in text.Split(','))
        {
            if (item.Length == 0)
            {
                error = $"{Name(kind)} field '{text}' has an empty list item";
                return null;
            }
            if (item.Contains('#', StringComparison.Ordinal))
            {
                if (kind != CronFieldKind.DayOfWeek)
                {
                    error = $"'#' (nth weekday) is only allowed in the day-of-week field, not in {Name(kind)} '{item}'";
                    return null;
                }
                var parts = item.Split('#');
                if (parts.Length != 2 || !TryValue(parts[0], kind, out var weekday) || weekday < min || weekday > max)
                {
                    error = $"day-of-week item '{item}' must be a weekday (0-7 or SUN-SAT) followed by #1 to #5";
                    return null;
                }
                if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > 5)
                {
                    error = $"day-of-week item '{item}': the nth weekday must be between 1 and 5";
                    return null;
                }
                nth.Add((weekday % 7, n));
                continue;
            }
            if (!TryRange(item, kind, min, max, ref bits, out error)) return null;
        }
        if (kind == CronFieldKind.DayOfWeek && (bits & (1UL << 7)) != 0) bits = (bits | 1UL) & ~(1UL << 7);
        error = null;
        return new CronField(bits, text.StartsWith('*'), nth);
    }

    private static bool TryRange(string item, CronFieldKind kind, int min, int max, ref ulong bits, out string? error)
    {
        var step = 1;
        var body = item;
        var slash = item.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            body = item[..slash];
            if (!int.TryParse(item[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1)
            {
                error = $"{Name(kind)} item '{item}': the step must be a positive whole number";
                return false;
            }
        }
        int from, to;
        if (body == "*")
        {
            (from, to) = (min, max);
        }
        else if (body.Contains('-', StringComparison.Ordinal))
        {
            var ends = body.Split('-');
            if (ends.Length != 2 || !TryValue(ends[0], kind, out from) || !TryValue(ends[1], kind, out to))
            {
                error = $"{Name(kind)} item '{item}' is not a range like 1-5";
                return false;
            }
            if (from > to)
            {
                error = $"{Name(kind)} range '{body}' is reversed (start after end)";
                return false;
            }
        }
        else if (TryValue(body, kind, out from))
        {
            to = slash >= 0 ? max : from;
        }
        else
        {
            error = $"{Name(kind)} item '{item}' is not a number, a range, a step or '*'";
            return false;
        }
        if (from < min || to > max)
        {
            error = $"{Name(kind)} value in '{item}' is outside {min}-{max}";
            return false;
        }
        for (var v = from; v <= to; v += step) bits |= 1UL << v;
        error = null;
        return true;
    }

    private static bool TryValue(string text, CronFieldKind kind, out int value)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value)) return true;
        var names = kind switch
        {
            CronFieldKind.Month => MonthNames,
            CronFieldKind.DayOfWeek => DayNames,
            _ => [],
        };
        var index = Array.FindIndex(names, n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        value = kind == CronFieldKind.Month ? index + 1 : index;
        return index >= 0;
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
        _ => "day-of-week",
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
