using System.Globalization;
using Compliance.Application.Reports;
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

    /// <summary>How <c>--as-of</c> names an instant: the day when it is the end of that day, else the instant itself (<c>2026-12-04T02:52:55Z</c>).</summary>
    public static string AsOfArgument(DateTimeOffset asOf) =>
        asOf == Domain.Verdicts.Days.EndOf(Domain.Verdicts.Days.Of(asOf)) ? Day(asOf) : asOf.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

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

    /// <summary>
    /// A row's citations in one line: role, <c>stream@revision (#position)</c> and actor each; past <paramref name="shown"/>
    /// the rest are counted (the export lists them all).
    /// </summary>
    public static string Evidence(IEnumerable<Citation> evidence, int shown = 4)
    {
        var list = evidence.ToList();
        if (list.Count == 0) return "evidence: none recorded";
        var text = Citation.Join(list.Take(shown));
        return list.Count > shown ? $"{text}; and {list.Count - shown} more (population export)" : text;
    }

    public static string Evidence(Citation? evidence) => evidence is null ? "evidence: none recorded" : evidence.ToString();

    /// <summary>"missed-window" as "missed window".</summary>
    public static string Kind(string kind) => FindingKinds.Title(kind);

    public static string State(WindowResult state) => Application.Evidence.EvidencePopulations.State(state);

    public static string Rating(Rating rating) => rating.ToString().ToUpperInvariant();

    /// <summary>"12 d" from a span, rounded down to whole days.</summary>
    public static string Days(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{Math.Floor(span.TotalDays):0} d");

    /// <summary>A date with the days left to it from <paramref name="from"/> ("2026-10-27 (-37 d)").</summary>
    public static string DayWithCount(DateOnly? day, int? days) => day is { } d ? $"{Day(d)} ({Number(days)} d)" : "-";
}
