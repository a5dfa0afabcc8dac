using Compliance.Adapters.Pdf.Composition;
using Compliance.Application.Reports;
using Compliance.Domain.Verdicts;

namespace Compliance.Adapters.Pdf.Sections;

/// <summary>Drain readiness: the verdict on the drain estimates of the period's windows, the clusters whose estimate outgrew a window, and the risks found.</summary>
internal static class DrainSection
{
    public static void Compose(Flow flow, AuditReport report)
    {
        flow.Section("7. Drain readiness", newPage: false);
        var drains = report.DrainWindows;
        var risks = report.DrainFindings.ToList();
        flow.Paragraph($"Estimate, as the cluster stood at each window's start: {DrainReadiness.Formula}. Recorded: the node drains recorded in the window.", Theme.Caption);
        if (drains.Count == 0) flow.Paragraph("No window in the period.");
        else
        {
            var fitting = drains.Count(d => d.Fits);
            var longest = drains.MaxBy(d => d.Estimated)!;
            var recorded = drains.MaxBy(d => d.Recorded)!;
            var verdict = fitting == drains.Count
                ? $"Verdict: the estimated drain time fits in every one of the {drains.Count} window(s) of the period."
                : $"Verdict: the estimated drain time exceeds the window in {drains.Count - fitting} of {drains.Count} window(s).";
            flow.Paragraph(verdict, Theme.Strong.With(fitting == drains.Count ? Theme.Good : Theme.Danger), 2);
            flow.Paragraph($"Longest estimate {Format.Minutes(longest.Estimated)} ({longest.ClusterId}, {longest.Nodes} nodes, window {Format.Minutes(longest.Length)}); " +
                $"longest drain recorded {Format.Minutes(recorded.Recorded)} ({recorded.ClusterId}, {recorded.WindowId}). " +
                $"{risks.Count(r => r.IsOpenAt(report.Request.PeriodEnd))} drain-readiness risk(s) open at the end of the period, {risks.Count(r => !r.Open)} resolved in it; " +
                "each is listed with its owner and evidence in section 8.", Theme.Body);
            var over = report.Results.Where(c => c.Drain.Windows > 0 && !c.Drain.AllFit).ToList();
            if (over.Count > 0)
            {
                var table = new Table(new Column("Cluster", 1, Fit: true), new Column("Windows", 1.2f, Right: true), new Column("Estimate fits", 1.6f, Right: true),
                    new Column("Nodes", 1.1f, Right: true), new Column("Longest estimate", 2f, Right: true), new Column("Longest recorded", 2f, Right: true), new Column("Window length", 2f, Right: true));
                foreach (var c in over)
                {
                    var d = c.Drain;
                    table.Add(c.ClusterId, Format.Number(d.Windows), new Cell(Format.Number(d.Fitting), Theme.Danger, Bold: true), Format.Number(d.MaxNodes),
                        Format.Minutes(d.LongestEstimate), Format.Minutes(d.LongestRecorded), Format.Minutes(d.ShortestWindow));
                }

                table.Layout(flow);
            }
        }
    }
}
