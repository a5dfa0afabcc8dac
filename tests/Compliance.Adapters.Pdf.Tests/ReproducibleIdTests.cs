using System.Text;
using Compliance.Adapters.Pdf.Composition;

namespace Compliance.Adapters.Pdf.Tests;

/// <summary>
/// Skia writes the trailer's random document id as a hex string, or as a literal string when that is shorter (about one
/// rendering in a hundred); the report fixture then failed with "no document id in its trailer". Either form gets the
/// same content-derived id.
/// </summary>
public sealed class ReproducibleIdTests
{
    private static byte[] Pdf(string uuid, string trailerId) => Encoding.ASCII.GetBytes(
        $"%PDF-1.4\n1 0 obj\n<</Type /Metadata>>\nstream\n<xmpMM:DocumentID>{uuid}</xmpMM:DocumentID><xmpMM:InstanceID>{uuid}</xmpMM:InstanceID>\n" +
        $"endstream\nendobj\nxref\n0 2\ntrailer\n<</Size 2\n/ID [{trailerId}]>>\nstartxref\n42\n%%EOF\n");

    [Fact]
    public void a_literal_or_a_hex_trailer_id_gives_the_same_bytes_and_a_hex_id()
    {
        var hex = Pdf("uuid:77bff5d4-d193-2203-7612-2a2cbfec3c5e", "<77BFF5D4D193220376122A2CBFEC3C5E> <77BFF5D4D193220376122A2CBFEC3C5E>");
        var literal = Pdf("uuid:41424344-4546-4748-494a-4b4c4d4e4f29", @"(ABCDEFGHIJKLMNO\)) (ABCDEFGHIJKLMNO\))");

        var a = ReproducibleId.Apply(hex);
        var b = ReproducibleId.Apply(literal);

        Encoding.ASCII.GetString(b).ShouldBe(Encoding.ASCII.GetString(a));
        var text = Encoding.ASCII.GetString(a);
        text.ShouldMatch(@"/ID \[<[0-9A-F]{32}> <[0-9A-F]{32}>\]>>");
        text.ShouldNotContain("77BFF5D4");
        text.ShouldNotContain("77bff5d4");
    }

    [Fact]
    public void a_pdf_without_a_trailer_id_is_refused()
    {
        Should.Throw<InvalidOperationException>(() => ReproducibleId.Apply(Encoding.ASCII.GetBytes("%PDF-1.4\ntrailer\n<</Size 1>>\n%%EOF\n")))
            .Message.ShouldContain("no document id");
    }
}
