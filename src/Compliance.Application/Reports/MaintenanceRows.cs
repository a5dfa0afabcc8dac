using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;

namespace Compliance.Application.Reports;

/// <summary>
/// A window starting in the period as scheduled by as-of: its state (<see cref="WindowOutcomes.Of"/>), the reason
/// recorded with its end (completion notes or abort reason, at <see cref="EndedAt"/>), its plan and retrospective, and the events that record
/// its schedule, start and end.
/// </summary>
public sealed record WindowRow(
    string ClusterId, string WindowId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, WindowResult State, DateTimeOffset? EndedAt, string? Reason, bool ContingencyPlan,
    DateTimeOffset? RetrospectiveAt, int Planned, int Upgrades, TimeSpan DrainedFor, IReadOnlyList<Citation> Evidence)
{
    /// <summary>What the window counts for in the window score; null while it is not due.</summary>
    public double? Score => WindowOutcomes.ScoreOf(State);

    /// <summary>Held as planned, or not due yet: nothing to detail.</summary>
    public bool AsPlanned => State is WindowResult.Held or WindowResult.Upcoming or WindowResult.InProgress;
}

/// <summary>A window with a major change for application teams and how long before its start it was announced.</summary>
public sealed record NoticeRow(
    string ClusterId, string WindowId, DateTimeOffset StartsAt, DateTimeOffset? AnnouncedAt, double? LeadDays, int RequiredDays, IReadOnlyList<Citation> Evidence)
{
    public bool Met => LeadDays >= RequiredDays;
}

public enum StagingResult
{
    Passed,
    Skipped,
    ExemptEmergency,
}

public sealed record StagingRow(string ClusterId, string StagingClusterId, string Version, DateTimeOffset TakenAt, StagingResult Result, Citation Evidence);

/// <summary>The drain time estimated for a window (as the cluster stood at its start) and the drain time recorded in it.</summary>
public sealed record DrainWindowRow(string ClusterId, string WindowId, DateTimeOffset StartsAt, TimeSpan Length, int Nodes, TimeSpan Estimated, TimeSpan Recorded)
{
    /// <summary>The estimate fits in the window (draining is one part of the window's work, so this is a necessary condition only).</summary>
    public bool Fits => Estimated <= Length;
}

/// <summary>How a version change observed in a cluster was made: in a window, under an emergency patch, or unrecorded.</summary>
public enum ChangeRoute
{
    Window,
    Emergency,
    Unrecorded,
    /// <summary>Outside any started window and emergency, yet no unrecorded-change finding names it.</summary>
    NotJudged,
}

/// <summary>
/// One observed version change: a component (or a group of node components of one kind changed within an hour, as
/// the unrecorded-change check groups them) moving from one version to another, how it was made (<see cref="Route"/>,
/// with the window or emergency id) and the observations that saw it.
/// </summary>
public sealed record ChangeRow(
    string ClusterId, ComponentKind Kind, string Product, string Component, int Instances, string FromVersion, string ToVersion, DateTimeOffset At,
    ChangeRoute Route, string? RouteId, IReadOnlyList<Citation> Evidence);
