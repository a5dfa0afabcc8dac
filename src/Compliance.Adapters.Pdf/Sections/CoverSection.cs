using Compliance.Adapters.Pdf.Composition;
using Compliance.Application.Reports;

namespace Compliance.Adapters.Pdf.Sections;

/// <summary>The cover: who, what, which period, as known when, and the ledger head the report stands on.</summary>
internal static class CoverSection
{
    public static void Compose(Flow flow, AuditReport report)
    {
        var r = report.Request;
        flow.Space(60);
        flow.Paragraph("Compliance audit report", Theme.Title, 4);
        flow.Paragraph("Kubernetes platform maintenance: end-of-life risk, patch latency and maintenance process", Theme.Subtitle, 30);
        flow.KeyValues(
        [
            ("Organisation", r.Organisation),
            ("Scope", $"{r.Scope.Title} ({r.Scope}); {report.Clusters.Count} cluster(s)"),
            ("Period", $"{Format.Day(r.From)} to {Format.Day(r.To)} (UTC days, both included)"),
            ("As of", $"{Format.Instant(r.AsOf)}: only events recorded at or before this instant are used"),
            ("Generated at", Format.Instant(report.GeneratedAt)),
            ("Ledger head at as-of", report.Ledger.Position == 0
                ? "empty ledger (no event recorded by as-of)"
                : $"position {report.Ledger.Position}, recorded {Format.Instant(report.Ledger.RecordedAt)}"),
            ("Head hash (SHA-256)", report.Ledger.Hash),
            ("Events read", $"{report.Ledger.EventsRead}"),
            ("Signed checkpoint", report.Checkpoint is { } c
                ? $"position {c.Position}, head hash above, recorded-at {Application.Checkpoints.SignedCheckpoint.Instant(c.RecordedAt)}; {c.Algorithm} key {c.KeyFingerprint}"
                : "none (no signing key, or the chain does not verify)"),
            ("Signature (base64)", report.Checkpoint is { } s ? $"{s.Signature[..(s.Signature.Length / 2)]} {s.Signature[(s.Signature.Length / 2)..]}" : ""),
            ("Matching export", report.Export.CsvFileName.Length == 0
                ? "none"
                : $"{report.Export.CsvFileName} (or .json): compliance evidence export --scope {r.Scope} --from {Format.Day(r.From)} --to {Format.Day(r.To)} --as-of {Format.AsOfArgument(r.AsOf)}; population digests in Appendix C"),
        ], keyWidth: 130);
        flow.Space(14);
        VerificationBanner(flow, report);
        flow.Paragraph(
            "How to read this report: every figure is computed from the event ledger as it was recorded up to the as-of instant; later " +
            "events, including corrections, are not visible here. Every row cites the ledger events it stands on as stream@revision " +
            "(#global position) and the actor that recorded them, so each statement can be traced to the recorded event. What met its " +
            "promise is counted per cluster; what did not is listed row by row. Every row of every population, met or not, is in the " +
            "matching evidence export. The ledger is hash-chained: the head hash above fixes the whole history this report was computed " +
            "from. A SHA-256 of this PDF is written beside it and recorded in the ledger as ReportIssued.",
            Theme.Caption);
    }

    public static void VerificationBanner(Flow flow, AuditReport report)
    {
        var c = report.Chain;
        if (c.Intact)
        {
            flow.Banner("Hash chain verification: PASSED",
                $"All {c.Verified} event(s) up to the as-of head (position {c.HeadPosition}) verified: the history this report stands on has not been altered since it was recorded.",
                Theme.Good, Theme.GoodFill);
            return;
        }

        flow.Banner("HASH CHAIN VERIFICATION FAILED",
            $"The ledger does not verify: {c.Failure}. {c.Verified} event(s) verified before the break. The figures in this report may rest on altered records and must not be relied on.",
            Theme.Danger, Theme.DangerFill);
    }
}
