using Compliance.Adapters.Pdf.Composition;
using Compliance.Application.Reports;
using Compliance.Domain.Verdicts;

namespace Compliance.Adapters.Pdf.Sections;

internal static class SummarySection
{
    public static void Compose(Flow flow, AuditReport report)
    {
        var s = report.Summary;
        flow.Section("1. Executive summary");
        if (report.Chain.Intact)
        {
            flow.Paragraph($"Compliance score: {s.Score} / 100", Theme.Score.With(s.Score >= 80 ? Theme.Good : s.Score >= 60 ? Theme.Warning : Theme.Danger), 4);
        }
        else
        {
            flow.Paragraph($"Compliance score: {s.Score} / 100 (UNVERIFIED)", Theme.Score.With(Theme.Danger), 4);
            flow.Paragraph("The ledger's hash chain does not verify (Appendix C): this score is computed from records that may have been altered.", Theme.Strong.With(Theme.Danger));
        }

        flow.Paragraph(ReportSummary.Formula, Theme.Caption, 10);
        flow.KeyValues(
        [
            ("E: EOL share", $"{Format.Percent(s.EolShare)} of {s.EolMeasured} running component version instance(s) with a known level are neither eol nor high risk on {Format.Day(report.EolDay)}"),
            ("P: patch SLA", s.Sla.Due == 0
                ? "no patch was due in the period"
                : $"{s.Sla.AppliedWithinSla} of {s.Sla.Due} patch and cluster pair(s) due were applied within SLA ({Format.Percent(s.Sla.Ratio ?? 1)}); {s.PatchesBreached} breached, {s.PatchesOpen} still open within SLA"),
            ("M: windows held", s.WindowsDue == 0 ? "no window was due in the period" : $"{s.WindowsHeld} of {s.WindowsDue} window(s) due in the period were held ({Format.Percent(s.WindowShare)})"),
            ("Open findings", $"{s.OpenFindings} at as-of"),
        ], keyWidth: 110);

        flow.Heading("EOL risk by level");
        var levels = new Table(new Column("Level", 2), new Column("Component version instances", 3, Right: true), new Column("Meaning", 8));
        foreach (var level in new[] { EolLevel.Eol, EolLevel.High, EolLevel.Medium, EolLevel.Low, EolLevel.Unknown })
        {
            levels.Add(new Cell(Format.Level(level), Theme.Level(level), Bold: true), Format.Number(s.EolLevels.GetValueOrDefault(level)), Meaning(level));
        }

        levels.Layout(flow);
        flow.Heading("Open findings by kind");
        if (s.OpenByKind.Count == 0)
        {
            flow.Paragraph("No finding is open at as-of.");
            return;
        }

        var kinds = new Table(new Column("Finding", 4), new Column("Open", 1, Right: true));
        foreach (var (kind, count) in s.OpenByKind) kinds.Add(Format.Kind(kind), Format.Number(count));
        kinds.Layout(flow);
    }

    private static string Meaning(EolLevel level) => level switch
    {
        EolLevel.Eol => "the cycle's end of life has passed (or extended support ended)",
        EolLevel.High => "end of life within 30 days, or running on extended support",
        EolLevel.Medium => "end of life within 90 days, or active support ended",
        EolLevel.Low => "supported for more than 90 days",
        _ => "version or cycle not known to the catalog: never counted as low",
    };
}
