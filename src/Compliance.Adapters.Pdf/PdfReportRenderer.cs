using Compliance.Adapters.Pdf.Composition;
using Compliance.Adapters.Pdf.Sections;
using Compliance.Application.Reports;
using SkiaSharp;

namespace Compliance.Adapters.Pdf;

/// <summary>
/// Renders an <see cref="AuditReport"/> as PDF with SkiaSharp's PDF backend: the sections are laid out first (so every
/// page knows the page count), then drawn with a header and a "page x of y" footer. Deterministic: the fonts are the
/// embedded TTF files, the metadata dates are the as-of instant, and nothing reads the clock, so the same report data
/// gives the same bytes. The document is PDF/A-2b as Skia writes it (XMP metadata, a document id, an sRGB output
/// intent); Skia's id is random, so it is replaced by one derived from the content (<see cref="ReproducibleId"/>) and the
/// bytes stay reproducible. <paramref name="pdfA"/> false leaves the PDF/A parts out.
/// </summary>
public sealed class PdfReportRenderer(bool pdfA = true) : IReportRenderer
{
    public string Extension => "pdf";

    public Task RenderAsync(AuditReport report, Stream output, IProgress<ReportProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var flow = new Flow();
        var sections = new Action<Flow, AuditReport>[]
        {
            CoverSection.Compose, SummarySection.Compose, ScopeSection.Compose, EolSection.Compose, PatchSection.Compose, MaintenanceSection.Compose,
            ChangesSection.Compose, DrainSection.Compose, FindingsSection.Compose, ForwardSection.Compose, AppendixSection.Compose,
        };
        for (var i = 0; i < sections.Length; i++)
        {
            ct.ThrowIfCancellationRequested();
            sections[i](flow, report);
            progress?.Report(new ReportProgress("laying out", i + 1, sections.Length));
        }

        Draw(report, flow, output, pdfA, progress, ct);
        return Task.CompletedTask;
    }

    private static void Draw(AuditReport report, Flow flow, Stream output, bool pdfA, IProgress<ReportProgress>? progress, CancellationToken ct)
    {
        var r = report.Request;
        var metadata = new SKDocumentPdfMetadata
        {
            Title = $"Compliance audit report: {r.Scope.Title}, {Format.Day(r.From)} to {Format.Day(r.To)}",
            Subject = $"EOL risk, patch latency and maintenance of {r.Scope} as recorded up to {Format.Instant(r.AsOf)}",
            Author = r.Organisation,
            Creator = "compliance report",
            Producer = "Compliance (SkiaSharp PDF)",
            Keywords = $"compliance; audit; kubernetes; ledger head {report.Ledger.Hash}" + (report.Checkpoint is { } c ? $"; {c.ToLine()}" : ""),
            Creation = r.AsOf.UtcDateTime,
            Modified = r.AsOf.UtcDateTime,
            RasterDpi = 300,
            EncodingQuality = 101,
            PdfA = pdfA,
        };
        using var buffer = new MemoryStream();
        using (var document = SKDocument.CreatePdf(buffer, metadata))
        {
            var pages = flow.Pages;
            for (var i = 0; i < pages.Count; i++)
            {
                ct.ThrowIfCancellationRequested();
                var canvas = document.BeginPage(Theme.PageWidth, Theme.PageHeight);
                if (i > 0) Header(canvas, report);
                Footer(canvas, report, i + 1, pages.Count);
                foreach (var draw in pages[i]) draw(canvas);
                document.EndPage();
                progress?.Report(new ReportProgress("drawing pages", i + 1, pages.Count));
            }

            document.Close();
        }

        var bytes = buffer.ToArray();
        output.Write(pdfA ? ReproducibleId.Apply(bytes) : bytes);
    }

    private static void Header(SKCanvas canvas, AuditReport report)
    {
        var r = report.Request;
        var y = 36f;
        var right = $"{r.Scope}  |  {Format.Day(r.From)} to {Format.Day(r.To)}  |  as of {Format.Instant(r.AsOf)}";
        var room = Theme.ContentWidth - Theme.Caption.Measure(right) - 12;
        Theme.Caption.Draw(canvas, Fit($"Compliance audit report  |  {r.Organisation}", room), Theme.Margin, y);
        Theme.Caption.Draw(canvas, right, Theme.PageWidth - Theme.Margin, y, SKTextAlign.Right);
        using var rule = new SKPaint { Color = Theme.Rule, StrokeWidth = 0.6f, IsStroke = true };
        canvas.DrawLine(Theme.Margin, y + 6, Theme.PageWidth - Theme.Margin, y + 6, rule);
        if (!report.Chain.Intact)
        {
            using var fill = new SKPaint { Color = Theme.Danger };
            canvas.DrawRect(Theme.Margin, y + 10, Theme.ContentWidth, 14, fill);
            Theme.Alert.Draw(canvas,
                "HASH CHAIN VERIFICATION FAILED: the ledger behind this report does not verify (Appendix E)", Theme.PageWidth / 2, y + 20, SKTextAlign.Center);
        }
    }

    private static string Fit(string text, float width)
    {
        if (Theme.Caption.Measure(text) <= width) return text;
        while (text.Length > 1 && Theme.Caption.Measure(text + "...") > width) text = text[..^1];
        return text + "...";
    }

    private static void Footer(SKCanvas canvas, AuditReport report, int page, int pages)
    {
        var y = Theme.PageHeight - 32f;
        using var rule = new SKPaint { Color = Theme.Rule, StrokeWidth = 0.6f, IsStroke = true };
        canvas.DrawLine(Theme.Margin, y - 10, Theme.PageWidth - Theme.Margin, y - 10, rule);
        Theme.Caption.Draw(canvas, $"Ledger head at as-of: #{report.Ledger.Position} {report.Ledger.Hash[..16]}...", Theme.Margin, y);
        Theme.Caption.Draw(canvas, $"Page {page} of {pages}", Theme.PageWidth - Theme.Margin, y, SKTextAlign.Right);
    }
}
