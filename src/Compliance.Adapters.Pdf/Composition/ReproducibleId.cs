using System.Security.Cryptography;
using System.Text;

namespace Compliance.Adapters.Pdf.Composition;

/// <summary>
/// Skia's PDF/A output carries a random document id (the trailer's <c>/ID</c> and the XMP DocumentID and InstanceID),
/// the one thing that makes two renderings of the same report differ. This replaces it, in place and at the same
/// length (so no offset moves), with the first 16 bytes of the SHA-256 of the document with the id blanked: an id
/// that names the content, and the same bytes for the same report.
/// </summary>
internal static class ReproducibleId
{
    private static readonly byte[] Marker = "/ID [<"u8.ToArray();

    public static byte[] Apply(byte[] pdf)
    {
        var at = pdf.AsSpan().LastIndexOf(Marker);
        if (at < 0) throw new InvalidOperationException("the PDF has no document id in its trailer: cannot make its bytes reproducible");
        var hex = Encoding.ASCII.GetString(pdf, at + Marker.Length, 32);
        if (!hex.All(Uri.IsHexDigit)) throw new InvalidOperationException($"unexpected document id '{hex}' in the PDF trailer");
        var random = Forms(hex);
        var blank = Forms(new string('0', 32));
        var bytes = (byte[])pdf.Clone();
        for (var i = 0; i < random.Length; i++) Replace(bytes, random[i], blank[i]);
        var id = Convert.ToHexString(SHA256.HashData(bytes).AsSpan(0, 16));
        var named = Forms(id);
        for (var i = 0; i < blank.Length; i++) Replace(bytes, blank[i], named[i]);
        return bytes;
    }

    /// <summary>The id as the trailer spells it (upper-case hex) and as XMP does (<c>uuid:</c> lower-case, dashed).</summary>
    private static byte[][] Forms(string hex)
    {
        var lower = hex.ToLowerInvariant();
        var uuid = $"uuid:{lower[..8]}-{lower[8..12]}-{lower[12..16]}-{lower[16..20]}-{lower[20..]}";
        return [Encoding.ASCII.GetBytes(hex.ToUpperInvariant()), Encoding.ASCII.GetBytes(uuid)];
    }

    private static void Replace(byte[] bytes, byte[] from, byte[] to)
    {
        var span = bytes.AsSpan();
        var start = 0;
        while (start < span.Length)
        {
            var found = span[start..].IndexOf(from);
            if (found < 0) return;
            to.CopyTo(span[(start + found)..]);
            start += found + from.Length;
        }
    }
}
