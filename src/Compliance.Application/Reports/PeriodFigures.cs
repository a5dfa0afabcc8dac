using Compliance.Domain.Verdicts;

namespace Compliance.Application.Reports;

/// <summary>
/// The score and key counts of one period, computed by one function for the report's period and for the previous
/// period of equal length (the trend). <see cref="Score"/> = 100 x (E + P + M) / 3: E the share of running component
/// instances with a known EOL level that are neither eol nor high, P the patch SLA compliance, M the window score
/// (held 1, partial 0.5, aborted, failed, missed 0) over the windows due; a share with nothing to measure counts as 1.
/// Unknown instances are left out of E and counted in <see cref="EolUnknown"/>.
/// </summary>
public sealed record PeriodFigures(
    DateOnly From,
    DateOnly To,
    int Score,
    Rating Rating,
    IReadOnlyList<string> Caps,
    double EolShare,
    int EolKnown,
    int EolSafe,
    int EolUnknown,
    IReadOnlyDictionary<EolLevel, int> EolLevels,
    PatchCompliance Sla,
    int PatchesBreached,
    int PatchesOpenPastSla,
    int PatchesOpenWithinSla,
    double WindowShare,
    double WindowPoints,
    int WindowsDue,
    IReadOnlyDictionary<WindowResult, int> Windows,
    int UnrecordedChanges,
    int OpenFindings,
    IReadOnlyDictionary<string, int> OpenByKind,
    int OverdueFindings)
{
    public const string Formula =
        "Score = 100 x (E + P + M) / 3. E = running component instances neither eol nor high / running instances with a known EOL level (unknown ones are " +
        "left out of E and counted beside it). P = (patch, cluster) pairs applied within SLA / pairs due. M = window points / windows due, where " +
        ReportPolicy.WindowScoring + ". A share with nothing to measure counts as 1.";

    private static readonly string UnrecordedKey = FindingKinds.Key(FindingKind.UnrecordedChange);

    public double UnknownShare => EolKnown + EolUnknown == 0 ? 0 : (double)EolUnknown / (EolKnown + EolUnknown);

    public int WindowsIn(WindowResult state) => Windows.GetValueOrDefault(state);

    /// <summary>
    /// The figures of <paramref name="request"/>'s period from its rows: EOL judged at the period's end, patches and
    /// windows of the period, findings open at its end, unrecorded changes found in it.
    /// </summary>
    internal static PeriodFigures Of(
        ReportRequest request, bool chainIntact, IReadOnlyList<EolRow> eol, IReadOnlyList<PatchRow> patches, IReadOnlyList<WindowRow> windows,
        IReadOnlyList<FindingRow> findings)
    {
        var known = eol.Where(r => r.Level != EolLevel.Unknown).ToList();
        var measured = known.Sum(r => r.Instances);
        var safe = known.Where(r => r.Level is EolLevel.Low or EolLevel.Medium).Sum(r => r.Instances);
        var unknown = eol.Where(r => r.Level == EolLevel.Unknown).Sum(r => r.Instances);
        var eolShare = measured == 0 ? 1 : (double)safe / measured;

        var inPeriod = patches.Where(p => !p.CarriedOver).ToList();
        var due = inPeriod.Where(p => p.IsDueBy(request.AsOf)).ToList();
        var sla = new PatchCompliance(due.Count(p => p.Status == SlaStatus.Met), due.Count);

        var scored = windows.Where(w => w.Score is not null).ToList();
        var points = scored.Sum(w => w.Score!.Value);
        var windowShare = scored.Count == 0 ? 1 : points / scored.Count;
        var score = (int)Math.Round(100 * (eolShare + (sla.Ratio ?? 1) + windowShare) / 3, MidpointRounding.AwayFromZero);

        var end = request.PeriodEnd;
        var open = findings.Where(f => f.IsOpenAt(end)).ToList();
        // Control planes named first: what a cluster runs on.
        var pastEol = eol.Where(r => r.InProduction && r.Level == EolLevel.Eol).OrderBy(r => r.Component == "control-plane" ? 0 : 1)
            .Select(r => $"{r.ClusterId} {r.Component} {r.Product} {r.Version}").ToList();
        var rules = request.Rules;
        var (rating, caps) = rules.Rate(score, pastEol, measured + unknown == 0 ? 0 : (double)unknown / (measured + unknown), chainIntact);
        return new PeriodFigures(
            request.From, request.To, score, rating, caps, eolShare, measured, safe, unknown,
            Enum.GetValues<EolLevel>().ToDictionary(l => l, l => eol.Where(r => r.Level == l).Sum(r => r.Instances)),
            sla,
            inPeriod.Count(p => p.Status == SlaStatus.Breached),
            patches.Count(p => p.OpenPastSla),
            patches.Count(p => p.Status == SlaStatus.Open),
            windowShare, points, scored.Count,
            windows.GroupBy(w => w.State).ToDictionary(g => g.Key, g => g.Count()),
            findings.Count(f => f.Kind == UnrecordedKey && f.RaisedAt >= request.PeriodStart && f.RaisedAt <= end),
            open.Count,
            FindingKinds.All.Select(k => (Kind: k, Count: open.Count(f => f.Kind == k))).Where(k => k.Count > 0).ToDictionary(k => k.Kind, k => k.Count),
            open.Count(f => f.IsOverdueAt(end)));
    }
}

/// <summary>The previous period of equal length, judged with the same as-of knowledge, beside this one.</summary>
public sealed record PeriodTrend(PeriodFigures Previous, PeriodFigures Current)
{
    public int ScoreChange => Current.Score - Previous.Score;
}
