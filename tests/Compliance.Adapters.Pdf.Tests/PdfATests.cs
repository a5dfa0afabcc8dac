using System.Text;

namespace Compliance.Adapters.Pdf.Tests;

[Collection(SeededCollection.Name)]
public sealed class PdfATests(SeededLedger seeded)
{
    [Fact]
    public async Task the_report_is_pdf_a_2b_and_two_renderings_give_the_same_bytes()
    {
        var ledger = seeded.Copy();
        var first = await RenderAsync(ledger, pdfA: true);
        var second = await RenderAsync(ledger, pdfA: true);

        second.ShouldBe(first, "Skia's random PDF/A document id is replaced by one derived from the content");
        var text = Encoding.Latin1.GetString(first);
        text.ShouldContain("<pdfaid:part>2</pdfaid:part>");
        text.ShouldContain("<pdfaid:conformance>B</pdfaid:conformance>");
        text.ShouldContain("/OutputIntents");
        var id = text[(text.LastIndexOf("/ID [<", StringComparison.Ordinal) + 6)..][..32];
        text.ShouldContain($"<xmpMM:DocumentID>uuid:{id[..8].ToLowerInvariant()}-", Case.Sensitive, "the XMP names the same id as the trailer");
        Encoding.Latin1.GetString(seeded.Fleet.Bytes).ShouldContain("pdfaid:part", Case.Sensitive, "PDF/A is the default");
    }

    [Fact]
    public async Task without_pdf_a_the_archival_parts_are_left_out()
    {
        var plain = Encoding.Latin1.GetString(await RenderAsync(seeded.Copy(), pdfA: false));
        plain.ShouldNotContain("pdfaid:part");
    }

    private static async Task<byte[]> RenderAsync(string ledger, bool pdfA) =>
        (await SeededLedger.RenderAsync(ledger, SeededLedger.FleetRequest(SeededLedger.AsOf), renderer: new PdfReportRenderer(pdfA))).Bytes;
}
