using System.Globalization;
using Compliance.Adapters.Pdf.Composition;
using Compliance.Application.Reports;
using Compliance.Domain.Verdicts;

namespace Compliance.Adapters.Pdf.Sections;

/// <summary>The score with its colour, caps, formula, weighting and unknown share; the counts; open findings of every kind; the trend.</summary>
internal static class SummarySection
{
    public static void Compose(Flow flow, AuditReport report)
    {
        var s = report.Summary;
        var rules = report.Request.Rules;
        flow.Section("1. Executive summary");
        var verdict = report.Chain.Intact ? "" : " (UNVERIFIED)";
        flow.Paragraph($"Compliance score: {s.Score} / 100, {Format.Rating(s.Rating)}{verdict}", Theme.Score.With(Theme.Rating(s.Rating)), 2);
        var threshold = rules.Threshold(s.Score);
        flow.Paragraph(s.Caps.Count == 0
            ? $"Colour by the thresholds alone ({rules.Rules[0]}); no cap applies."
            : $"The thresholds alone give {Format.Rating(threshold)} ({rules.Rules[0]}); " + string.Join("; ", s.Caps) + ".",
            s.Caps.Count == 0 ? Theme.Body : Theme.Strong.With(Theme.Rating(s.Rating)), 4);
        if (!report.Chain.Intact)
            flow.Paragraph("The ledger's hash chain does not verify (Appendix E): this score is computed from records that may have been altered.", Theme.Strong.With(Theme.Danger));
        flow.Paragraph($"{PeriodFigures.Formula} Weighting: {ReportPolicy.Weighting}. The colour rules are on the policy page (section 2).", Theme.Caption, 8);
        flow.KeyValues(
        [
            ("E: EOL share", $"{Format.Percent(s.EolShare)}: {s.EolSafe} of {s.EolKnown} running component instance(s) with a known level are neither eol nor high on {Format.Day(report.EolDay)}. " +
                $"Not in E: {s.EolUnknown} instance(s) with an unknown level ({Format.Percent(s.UnknownShare)} of {s.EolKnown + s.EolUnknown} running), listed in section 3."),
            ("P: patch SLA", s.Sla.Due == 0
                ? "no patch was due in the period"
                : $"{s.Sla.AppliedWithinSla} of {s.Sla.Due} patch and cluster pair(s) due were applied within SLA ({Format.Percent(s.Sla.Ratio ?? 1)}); {s.PatchesBreached} breached " +
                  $"({s.PatchesOpenPastSla} of all owed still not applied past SLA), {s.PatchesOpenWithinSla} open within SLA"),
            ("M: windows", s.WindowsDue == 0
                ? "no window was due in the period"
                : string.Create(CultureInfo.InvariantCulture, $"{s.WindowPoints:0.#} point(s) over {s.WindowsDue} window(s) due ({Format.Percent(s.WindowShare)}): ") +
                  $"{s.WindowsIn(WindowResult.Held)} held, {s.WindowsIn(WindowResult.Partial)} partial, {s.WindowsIn(WindowResult.Aborted)} aborted or failed, " +
                  $"{s.WindowsIn(WindowResult.Missed)} missed, {s.WindowsIn(WindowResult.NoOutcome)} without an outcome"),
            ("Open findings", $"{s.OpenFindings} open at the end of the period, {s.OverdueFindings} of them overdue; every kind counted, EOL components and SLA breaches included"),
        ], keyWidth: 110);

        flow.Heading("Open findings by kind");
        if (s.OpenByKind.Count == 0) flow.Paragraph("No finding is open at the end of the period.");
        else
        {
            var kinds = new Table(new Column("Finding", 4), new Column("Control row", 1.4f), new Column("Open", 1, Right: true), new Column("Where listed", 4));
            foreach (var (kind, count) in s.OpenByKind)
            {
                kinds.Add(Format.Kind(kind), report.Controls.RowFor(kind)?.Id ?? "unmapped", Format.Number(count), Where(kind));
            }

            kinds.Layout(flow);
        }

        flow.Heading("EOL risk by level");
        var levels = new Table(new Column("Level", 2), new Column("Running instances", 2.4f, Right: true), new Column("Meaning", 8));
        foreach (var level in new[] { EolLevel.Eol, EolLevel.High, EolLevel.Medium, EolLevel.Low, EolLevel.Unknown })
        {
            levels.Add(new Cell(Format.Level(level), Theme.Level(level), Bold: true), Format.Number(s.EolLevels.GetValueOrDefault(level)), Meaning(level));
        }

        levels.Layout(flow);
        Trend(flow, report.Trend);
    }

    private static void Trend(Flow flow, PeriodTrend trend)
    {
        var (p, c) = (trend.Previous, trend.Current);
        flow.Heading("Trend against the previous period");
        flow.Paragraph($"The previous period of equal length, {Format.Day(p.From)} to {Format.Day(p.To)}, judged with the same as-of knowledge.", Theme.Caption);
        var table = new Table(new Column("Figure", 5), new Column($"{Format.Day(p.From)} to {Format.Day(p.To)}", 3, Right: true),
            new Column($"{Format.Day(c.From)} to {Format.Day(c.To)}", 3, Right: true), new Column("Change", 2, Right: true));
        Row(table, "score", p.Score, c.Score);
        table.Add("colour", Format.Rating(p.Rating), Format.Rating(c.Rating), p.Rating == c.Rating ? "same" : "changed");
        Share(table, "E: EOL share", p.EolShare, c.EolShare);
        Share(table, "P: patch SLA compliance", p.Sla.Ratio ?? 1, c.Sla.Ratio ?? 1);
        Share(table, "M: window score", p.WindowShare, c.WindowShare);
        Row(table, "instances at eol", p.EolLevels.GetValueOrDefault(EolLevel.Eol), c.EolLevels.GetValueOrDefault(EolLevel.Eol));
        Row(table, "instances at high", p.EolLevels.GetValueOrDefault(EolLevel.High), c.EolLevels.GetValueOrDefault(EolLevel.High));
        Row(table, "instances unknown", p.EolUnknown, c.EolUnknown);
        Row(table, "patches breached", p.PatchesBreached, c.PatchesBreached);
        Row(table, "windows missed", p.WindowsIn(WindowResult.Missed), c.WindowsIn(WindowResult.Missed));
        Row(table, "windows partial or aborted", p.WindowsIn(WindowResult.Partial) + p.WindowsIn(WindowResult.Aborted), c.WindowsIn(WindowResult.Partial) + c.WindowsIn(WindowResult.Aborted));
        Row(table, "unrecorded changes", p.UnrecordedChanges, c.UnrecordedChanges);
        Row(table, "findings open at the period's end", p.OpenFindings, c.OpenFindings);
        table.Layout(flow);
    }

    private static void Row(Table table, string name, int before, int now) =>
        table.Add(name, Format.Number(before), Format.Number(now), string.Create(CultureInfo.InvariantCulture, $"{now - before:+0;-0;0}"));

    private static void Share(Table table, string name, double before, double now) =>
        table.Add(name, Format.Percent(before), Format.Percent(now), string.Create(CultureInfo.InvariantCulture, $"{(now - before) * 100:+0.0;-0.0;0.0} pt"));

    private static string Where(string kind) => kind switch
    {
        FindingKinds.EolComponent => "section 3, each with owner and due date",
        FindingKinds.PatchOverdue => "section 4, each with owner and due date",
        _ => "section 8 (findings and remediation)",
    };

    private static string Meaning(EolLevel level) => level switch
    {
        EolLevel.Eol => "the cycle's end of life has passed (or extended support ended)",
        EolLevel.High => "end of life within the high threshold (30 days by default), or running on extended support",
        EolLevel.Medium => "end of life within the medium threshold (90 days by default), or active support ended",
        EolLevel.Low => "supported beyond the medium threshold",
        _ => "version or cycle not known to the catalog: never counted as low, left out of E and counted here",
    };
}
