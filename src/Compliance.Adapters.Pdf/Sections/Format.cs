using System.Globalization;
using Compliance.Domain.Verdicts;

namespace Compliance.Adapters.Pdf.Sections;

/// <summary>How the report spells dates, instants, durations and shares (invariant culture, UTC).</summary>
internal static class Format
{
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Day(DateOnly? day) => day is { } d ? Day(d) : "-";

    public static string Day(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Instant(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>An instant without the zone, for columns headed "(UTC)".</summary>
    public static string Minute(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Instant(DateTimeOffset? instant) => instant is { } i ? Instant(i) : "-";

    /// <summary>Hours under a week ("79.0 h"), days beyond ("12.3 d").</summary>
    public static string Duration(TimeSpan span) => span.TotalHours < 168
        ? span.TotalHours.ToString("0.0 'h'", CultureInfo.InvariantCulture)
        : span.TotalDays.ToString("0.0 'd'", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan? span) => span is { } s ? Duration(s) : "-";

    public static string Minutes(TimeSpan span) => span == TimeSpan.Zero ? "-" : span.TotalMinutes.ToString("0 'min'", CultureInfo.InvariantCulture);

    public static string Percent(double share) => (share * 100).ToString("0.0'%'", CultureInfo.InvariantCulture);

    public static string Number(double value, string format = "0.#") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Number(int? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "-";

    public static string Level(EolLevel level) => level.ToString().ToLowerInvariant();

    public static string Status(SlaStatus status) => status.ToString().ToLowerInvariant();

    public static string Evidence(IEnumerable<EvidenceRef> evidence) => string.Join(", ", evidence.Select(e => e.ToString()));

    public static string Evidence(EvidenceRef? evidence) => evidence?.ToString() ?? "-";

    /// <summary>"MissedWindow" as "missed window".</summary>
    public static string Kind(FindingKind kind)
    {
        var name = kind.ToString();
        var words = new System.Text.StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && words.Length > 0) words.Append(' ');
            words.Append(char.ToLowerInvariant(c));
        }

        return words.ToString();
    }
}
