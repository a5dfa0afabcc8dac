using Compliance.Application.Reports;
using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;

namespace Compliance.Host.Api.Page;

/// <summary>What the fleet page shows as of one day and one read-model checkpoint.</summary>
internal sealed record FleetPageModel(
    DateOnly Day,
    long Checkpoint,
    IReadOnlyList<HeatColumn> Columns,
    IReadOnlyList<HeatRow> Rows,
    IReadOnlyList<FindingStatus> Findings,
    IReadOnlyList<PatchRow> Patches,
    IReadOnlyList<NextDates> Next)
{
    /// <summary>Deadlines this many days ahead (or passed) are the page's next dates, as in the report's forward view.</summary>
    public static int HorizonDays => ReportPolicy.Default.HorizonDays;

    /// <summary>At most this many findings are listed; the rest are counted, and /api/v1/fleet/findings lists them all.</summary>
    public const int MaxFindings = 200;

    public int Count(FindingState state) => Findings.Count(f => f.State == state);
}

/// <summary>One column of the heat map: a component kind and the product it runs (control plane kubernetes, add-on coredns, ...).</summary>
internal sealed record HeatColumn(ComponentKind Kind, string Product)
{
    public string Label => Product == "kubernetes" ? ComponentNames.Of(Kind) : $"{ComponentNames.Of(Kind)} {Product}";
}

/// <summary>
/// A cluster's worst EOL level for one column, with the nearest deadline (end of extended support where it counts,
/// else standard) among its instances; accepted when every instance at that level is covered by an exception in force.
/// </summary>
internal sealed record HeatCell(EolLevel Level, string Cycles, DateOnly? Ends, int? DaysLeft, int Instances, bool Accepted);

internal sealed record HeatRow(string ClusterId, string Environment, string Owner, IReadOnlyDictionary<HeatColumn, HeatCell> Cells)
{
    public EolLevel Worst => Cells.Count == 0 ? EolLevel.Unknown : Cells.Values.Max(c => c.Level);

    public int? Nearest => Cells.Values.Min(c => c.DaysLeft);
}

/// <summary>A cluster's patches released in the year to the page's day, against their SLA (the counts the API and the report give).</summary>
internal sealed record PatchRow(string ClusterId, PatchPeriod Period, double? MedianLatencyDays, int OpenPastSla);

/// <summary>A cluster's next dates: its nearest support deadline within the horizon, its next scheduled window, its earliest finding due date.</summary>
internal sealed record NextDates(string ClusterId, Deadline? Deadline, UpcomingWindow? Window, FindingStatus? NextDue);

/// <summary>The next scheduled window (not started, not aborted) and what it plans; Covers: it moves the deadline's component off its cycle.</summary>
internal sealed record UpcomingWindow(string WindowId, DateTimeOffset StartsAt, IReadOnlyList<string> Planned, bool Covers);
