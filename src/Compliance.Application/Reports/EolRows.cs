using Compliance.Domain.Verdicts;

namespace Compliance.Application.Reports;

/// <summary>
/// One running component version at the end of the period (instances of one version grouped). <see cref="Eol"/> is the
/// end of standard support with <see cref="DaysToEol"/>; <see cref="Eoes"/> the end of extended support with
/// <see cref="DaysToEoes"/>, set only where the cluster's policy counts extended support. <see cref="DueOn"/> is the
/// date the risk must be resolved by (the EOL date, or the end of extended support where that counts).
/// <see cref="Since"/> is when the first of its instances was observed on this version. <see cref="Accepted"/>: the
/// exception in force at the end of the period that accepts its risk (shown as accepted, never hidden).
/// </summary>
public sealed record EolRow(
    string ClusterId, string Environment, string Owner, string Component, string Product, string Version, string Cycle,
    DateOnly? Eol, int? DaysToEol, DateOnly? Eoes, int? DaysToEoes, EolLevel Level, int? PatchesBehind, int Instances, string? Note,
    DateTimeOffset? Since, Citation? Evidence, Acceptance? Accepted = null)
{
    public DateOnly? DueOn => Eoes ?? Eol;

    public bool InProduction => Environment == "production";
}

/// <summary>Running versions whose level is unknown, grouped by product, version and reason across clusters.</summary>
public sealed record UnknownGroup(string Product, string Version, string Reason, IReadOnlyList<string> Clusters, int Instances, Citation? FirstEvidence);

/// <summary>One cluster's control-plane versions over the period and the EOL dates of the cycles it ran.</summary>
public sealed record TimelineRow(string ClusterId, IReadOnlyList<TimelineSegment> Segments)
{
    /// <summary>The worst level any part of the period reached.</summary>
    public EolLevel Worst => Segments.SelectMany(s => s.Spans).Select(s => s.Level).DefaultIfEmpty(EolLevel.Unknown).MinBy(EolRisk.Severity);
}

/// <summary>A control-plane version over [From, To) within the period, split into <see cref="Spans"/> by the EOL level each part had at the time.</summary>
public sealed record TimelineSegment(string Version, string Cycle, DateTimeOffset From, DateTimeOffset To, DateOnly? Eol, IReadOnlyList<LevelSpan> Spans);

/// <summary>Part of a segment over which the EOL level stayed the same, judged day by day as the level was then.</summary>
public sealed record LevelSpan(DateTimeOffset From, DateTimeOffset To, EolLevel Level);
