using System.Globalization;
using Compliance.Domain.Events;
using Compliance.Domain.Versions;

namespace Compliance.Application.Reports;

/// <summary>What a window's planned change does to a deadline, and how every surface names it.</summary>
public static class PlannedChanges
{
    /// <summary>A planned change takes the component to another cycle (a patch of the same cycle leaves its deadline where it was).</summary>
    public static bool MovesOff(PlannedChange change, string cycle)
    {
        ArgumentNullException.ThrowIfNull(change);
        var target = VersionParser.ParseForProduct(change.Product, change.ToVersion);
        return target.IsKnown ? !string.Equals(target.Cycle, cycle, StringComparison.Ordinal) : change.ChangeKind is ChangeKind.Minor or ChangeKind.Major;
    }

    public static string Describe(PlannedChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return string.Create(CultureInfo.InvariantCulture,
            $"{ComponentNames.Of(change.Kind)} {change.Product} {change.ToVersion} ({change.ChangeKind.ToString().ToLowerInvariant()})");
    }
}
