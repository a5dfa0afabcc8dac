using Compliance.Adapters.Pdf.Composition;
using Compliance.Application.Reports;

namespace Compliance.Adapters.Pdf.Sections;

internal static class AppendixSection
{
    public static void Compose(Flow flow, AuditReport report)
    {
        flow.Section("Appendix A. Evidence of each finding");
        flow.Paragraph("Each finding and the ledger events that prove it, as stream@revision (#global position).", Theme.Caption);
        if (report.Findings.Count == 0) flow.Paragraph("No finding in the period.");
        else
        {
            var table = new Table(new Column("Cluster", 2.6f), new Column("Finding", 3.2f), new Column("Subject", 4f), new Column("Evidence", 7f, Mono: true));
            foreach (var f in report.Findings) table.Add(f.ClusterId, Format.Kind(f.Kind), f.Subject, Format.Evidence(f.Evidence));
            table.Layout(flow);
        }

        flow.Section("Appendix B. Release catalog");
        flow.Paragraph($"Release facts come from the catalog snapshot shipped with the service, with the {report.CatalogFactsRecorded} catalog fact(s) " +
            "recorded in the ledger by as-of on top. Age is counted from the retrieval date to the as-of day (negative: retrieved after as-of, so " +
            "end-of-life dates announced later may show).", Theme.Caption);
        var catalog = new Table(new Column("Product", 3f), new Column("Source", 5.4f), new Column("Licence", 2.4f), new Column("Retrieved", 1.9f),
            new Column("Age (days)", 1.6f, Right: true), new Column("Facts in ledger", 1.8f, Right: true));
        foreach (var c in report.Catalog)
        {
            catalog.Add(c.Product, c.Source, c.License, Format.Day(c.RetrievedOn), Format.Number(c.AgeDays), Format.Number(c.FactsRecorded));
        }

        if (catalog.Count == 0) flow.Paragraph("No catalog product was used.");
        else catalog.Layout(flow);

        flow.Section("Appendix C. Hash chain verification");
        CoverSection.VerificationBanner(flow, report);
        var c2 = report.Chain;
        flow.KeyValues(
        [
            ("Result", c2.Intact ? "PASSED" : "FAILED"),
            ("Events verified", $"{c2.Verified}"),
            ("Verified head", $"position {c2.HeadPosition}, hash {c2.HeadHash}"),
            ("Head at as-of", $"position {report.Ledger.Position}, hash {report.Ledger.Hash}"),
            ("As-of head covered", c2.CoversAsOf ? "yes: every event this report used lies within the verified chain" : "NO: events this report used lie beyond the first break"),
            ("First break", c2.Failure ?? "none"),
            ("Method", "SHA-256 over each event's previous hash and canonical content, recomputed for every event from position 1 to the as-of head (HashChainVerifier)"),
        ], keyWidth: 120);
    }
}
