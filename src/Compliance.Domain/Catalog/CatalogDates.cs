namespace Compliance.Domain.Catalog;

/// <summary>How the catalog's whole-day dates become instants.</summary>
public static class CatalogDates
{
    /// <summary>A catalog date (a whole day in UTC) as the instant it starts: 00:00 UTC of that date.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));

    /// <summary>The patch of <paramref name="cycle"/> released on <paramref name="date"/>, released at 00:00 UTC of that date.</summary>
    public static PatchRelease Patch(string product, string cycle, string version, DateOnly date) =>
        new(product, cycle, version, StartOfDay(date));
}
