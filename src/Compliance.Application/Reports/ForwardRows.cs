using Compliance.Domain.Verdicts;

namespace Compliance.Application.Reports;

/// <summary>
/// The forward view of one cluster at as-of: its next scheduled window with the changes it plans, against the
/// deadlines within the horizon (components whose end of life, or end of extended support where that counts, falls
/// within it or has passed). A deadline is covered when the next window plans to move that component to another
/// cycle. <see cref="PlanStatus"/> is left for the upgrade plan (on track, at risk, infeasible) once it is computed.
/// </summary>
public sealed record ForwardRow(
    string ClusterId, string Environment, string Owner, string? WindowId, DateTimeOffset? StartsAt, IReadOnlyList<string> Planned,
    IReadOnlyList<Deadline> Deadlines, Citation? Scheduled, string? PlanStatus = null)
{
    /// <summary>A deadline the next window does nothing about (or there is no next window).</summary>
    public bool Mismatch => Deadlines.Any(d => !d.Covered);
}

/// <summary>A running component version whose support ends on <see cref="Due"/>, and the planned change that moves it off its cycle, if any.</summary>
public sealed record Deadline(string Component, string Product, string Cycle, DateOnly Due, EolLevel Level, int Instances, string? CoveredBy)
{
    public bool Covered => CoveredBy is not null;
}
