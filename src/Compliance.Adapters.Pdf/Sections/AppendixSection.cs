using System.Globalization;
using Compliance.Adapters.Pdf.Composition;
using Compliance.Application.Reports;

namespace Compliance.Adapters.Pdf.Sections;

/// <summary>The appendices: control mapping, release catalog, the matching evidence export, glossary, hash chain verification; then the sign-off block.</summary>
internal static class AppendixSection
{
    public static void Compose(Flow flow, AuditReport report)
    {
        Controls(flow, report);
        Catalog(flow, report);
        Export(flow, report);
        Glossary(flow);
        Chain(flow, report);
        SignOff(flow, report);
    }

    private static void Controls(Flow flow, AuditReport report)
    {
        var t = report.Controls;
        flow.Section("Appendix A. Control mapping");
        flow.Paragraph($"{t.Title}. {t.Note} Table data/controls.json, SHA-256 {t.Sha256}. Open: findings open at the end of the period under the row.", Theme.Caption);
        var table = new Table([new Column("Row", 0.9f), new Column("Verdict", 3.4f), .. t.Frameworks.Select(f => new Column(f.Name, 2.6f)), new Column("Findings", 3.4f),
            new Column("Open", 1f, Right: true)]);
        var open = report.Summary.OpenByKind;
        foreach (var row in t.Rows)
        {
            var kinds = row.Findings.Count == 0 ? "none" : string.Join(", ", row.Findings.Select(Format.Kind));
            table.AddWithNote($"evidence: {row.Evidence}",
                [new Cell(row.Id, Bold: true), new Cell(row.Verdict), .. t.Frameworks.Select(f => new Cell(row.ControlsOf(f.Id))), new Cell(kinds),
                new Cell(Format.Number(row.Findings.Sum(k => open.GetValueOrDefault(k))))]);
        }

        table.Layout(flow);
        var unmapped = report.Findings.Select(f => f.Kind).Distinct().Where(k => t.RowFor(k) is null).ToList();
        if (unmapped.Count > 0) flow.Paragraph($"Finding kinds the table does not map: {string.Join(", ", unmapped)}.", Theme.Strong.With(Theme.Danger));
    }

    private static void Catalog(Flow flow, AuditReport report)
    {
        flow.Section("Appendix B. Release catalog", newPage: false);
        flow.Paragraph($"Release facts come from the catalog snapshot shipped with the service, with the {report.CatalogFactsRecorded} catalog fact(s) " +
            "recorded in the ledger by as-of on top (a patch row cites the ledger fact where there is one, else the snapshot). Age is counted from the retrieval " +
            "date to the as-of day (negative: retrieved after as-of, so end-of-life dates announced later may show).", Theme.Caption);
        var catalog = new Table(new Column("Product", 1, Fit: true), new Column("Source", 5.4f), new Column("Licence", 2.4f), new Column("Retrieved", 1.9f),
            new Column("Age (days)", 1.6f, Right: true), new Column("Facts in ledger", 1.8f, Right: true));
        foreach (var c in report.Catalog)
        {
            catalog.Add(c.Product, c.Source, c.License, Format.Day(c.RetrievedOn), Format.Number(c.AgeDays), Format.Number(c.FactsRecorded));
        }

        if (catalog.Count == 0) flow.Paragraph("No catalog product was used.");
        else catalog.Layout(flow);
    }

    private static void Export(Flow flow, AuditReport report)
    {
        var r = report.Request;
        var e = report.Export;
        flow.Section("Appendix C. Evidence export", newPage: false);
        flow.Paragraph("Every row of the populations this report counted, met or not, each with its evidence references and actors, for sampling. " +
            "The export that matches this report is produced with the same scope, period and as-of:", Theme.Caption);
        flow.Paragraph($"compliance evidence export --scope {r.Scope} --from {Format.Day(r.From)} --to {Format.Day(r.To)} --as-of {Format.AsOfArgument(r.AsOf)} --format csv", Theme.Mono);
        flow.KeyValues([("CSV file", e.CsvFileName), ("JSON file", e.JsonFileName)], keyWidth: 70);
        flow.Paragraph("Each population's SHA-256 is over its lines in the CSV file, each with its line feed: grep '^NAME,' FILE.csv | sha256sum. The JSON file carries the same digests.", Theme.Caption);
        var table = new Table(new Column("Population", 2f), new Column("Rows", 1.2f, Right: true), new Column("SHA-256", 8f, Mono: true));
        foreach (var p in e.Populations) table.Add(p.Name, Format.Number(p.Rows), p.Sha256);
        table.Layout(flow);
    }

    private static void Glossary(Flow flow)
    {
        flow.Section("Appendix D. Glossary", newPage: false);
        var table = new Table(new Column("Term", 2.6f), new Column("Meaning", 10f));
        foreach (var (term, meaning) in ReportNotes.Glossary) table.Add(new Cell(term, Bold: true), meaning);
        table.Layout(flow);
    }

    private static void Chain(Flow flow, AuditReport report)
    {
        flow.Section("Appendix E. Hash chain verification", newPage: false);
        CoverSection.VerificationBanner(flow, report);
        var c = report.Chain;
        flow.KeyValues(
        [
            ("Result", c.Intact ? "PASSED" : "FAILED"),
            ("Events verified", $"{c.Verified}"),
            ("Verified head", $"position {c.HeadPosition}, hash {c.HeadHash}"),
            ("Head at as-of", $"position {report.Ledger.Position}, hash {report.Ledger.Hash}"),
            ("As-of head covered", c.CoversAsOf ? "yes: every event this report used lies within the verified chain" : "NO: events this report used lie beyond the first break"),
            ("First break", c.Failure ?? "none"),
            ("Method", "SHA-256 over each event's previous hash and canonical content, recomputed for every event from position 1 to the as-of head (HashChainVerifier)"),
        ], keyWidth: 120);
    }

    private static void SignOff(Flow flow, AuditReport report)
    {
        flow.Section("Sign-off");
        var r = report.Request;
        flow.Paragraph(string.Create(CultureInfo.InvariantCulture,
            $"This report covers {r.Scope.Title.ToLowerInvariant()} from {Format.Day(r.From)} to {Format.Day(r.To)} as recorded up to {Format.Instant(r.AsOf)}, ledger head #{report.Ledger.Position} " +
            $"{report.Ledger.Hash}. Its SHA-256 is written beside the PDF and recorded in the ledger as ReportIssued. By signing, each party states what its role says, for this document only."),
            Theme.Body, 12);
        foreach (var (role, statement) in new[]
        {
            ("Prepared by (platform team)", "the figures were produced by the compliance service from the ledger named above, and nothing was edited by hand"),
            ("Reviewed by (control owner)", "the findings, owners and due dates were reviewed; open items have an owner and a plan"),
            ("Accepted by (auditor)", "the evidence was sampled from the matching export and traced to the ledger"),
        })
        {
            flow.Heading(role, Theme.Strong, 70);
            flow.Paragraph(statement, Theme.Caption, 4);
            flow.Place(54, (canvas, top) =>
            {
                var y = top + 30;
                var x = Flow.Left;
                foreach (var (label, width) in new[] { ("Name", 150f), ("Role", 120f), ("Date", 80f), ("Signature", Flow.Width - 380f) })
                {
                    canvas.Line(x, y, x + width - 10, y, Theme.Ink, 0.6f);
                    Theme.Caption.Draw(canvas, label, x, y + 10);
                    x += width;
                }
            });
        }
    }
}
