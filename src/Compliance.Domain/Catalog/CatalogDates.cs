namespace Compliance.Domain.Catalog;

/// <summary>How the catalog's whole-day dates become instants.</summary>
public static class CatalogDates
{
    /// <summary>A catalog date (a whole day in UTC) as the instant it starts: 00:00 UTC of that date.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));

    /// <summary>The patch of <paramref name="cycle"/> released on <paramref name="date"/>, released at 00:00 UTC of that date.</summary>
    public static PatchRelease Patch(string product, string cycle, string version, DateOnly date) =>
        new(product, cycle, version, StartOfDay(date));

    /// <summary>
    /// Whether a release instant stands for a release day only: exactly 00:00 UTC, as every date of the catalog's sources
    /// (endoflife.date gives release days, not times) becomes through <see cref="StartOfDay"/>. A feed that knows the
    /// time carries it; a release stamped exactly at midnight UTC to the tick is read as known to the day only.
    /// </summary>
    public static bool IsDayOnly(DateTimeOffset releasedAt) => releasedAt.UtcTicks % TimeSpan.TicksPerDay == 0;

    /// <summary>
    /// When the SLA clock of a patch starts: at its release instant, or, for a release known only to the day, at the end
    /// of that day (UTC), so that day precision never makes a breach (DOMAIN.md "Patch latency").
    /// </summary>
    public static DateTimeOffset ClockStart(DateTimeOffset releasedAt) => IsDayOnly(releasedAt) ? releasedAt.AddDays(1) : releasedAt;
}
