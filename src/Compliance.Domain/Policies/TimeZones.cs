using System.Diagnostics.CodeAnalysis;

namespace Compliance.Domain.Policies;

/// <summary>IANA time zones from the runtime's tz data (not I/O in the domain's sense: it is part of the platform).</summary>
public static class TimeZones
{
    public static bool TryFind(string? id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        return !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone);
    }
}
