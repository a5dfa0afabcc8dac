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
    private static readonly byte[] Marker = "/ID ["u8.ToArray();
    private static readonly byte[] XmpId = "uuid:"u8.ToArray();

    public static byte[] Apply(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var at = pdf.AsSpan().LastIndexOf(Marker);
        if (at < 0) throw new InvalidOperationException("the PDF has no document id in its trailer: cannot make its bytes reproducible");
        var end = EndOfIdArray(pdf, at + Marker.Length);
        var hex = XmpHex(pdf);
        // Skia writes the trailer's id as a hex string, or as a literal string when that is shorter (about one document
        // in a hundred): it is written back in hex. The trailer follows the cross-reference table, so no offset moves.
        var normal = Concat(pdf.AsSpan(0, at), Encoding.ASCII.GetBytes($"/ID [<{hex}> <{hex}>]"), pdf.AsSpan(end));
        var random = Forms(hex);
        var blank = Forms(new string('0', 32));
        for (var i = 0; i < random.Length; i++) Replace(normal, random[i], blank[i]);
        var id = Convert.ToHexString(SHA256.HashData(normal).AsSpan(0, 16));
        var named = Forms(id);
        for (var i = 0; i < blank.Length; i++) Replace(normal, blank[i], named[i]);
        return normal;
    }

    /// <summary>The id in upper-case hex, from the XMP DocumentID (<c>uuid:</c> and the dashed lower-case form), which Skia always writes as text.</summary>
    private static string XmpHex(byte[] pdf)
    {
        var at = pdf.AsSpan().IndexOf(XmpId);
        if (at < 0 || at + XmpId.Length + 36 > pdf.Length) throw new InvalidOperationException("the PDF has no XMP document id: cannot make its bytes reproducible");
        var hex = Encoding.ASCII.GetString(pdf, at + XmpId.Length, 36).Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();
        return hex.Length == 32 && hex.All(Uri.IsHexDigit) ? hex : throw new InvalidOperationException($"unexpected XMP document id '{hex}'");
    }

    /// <summary>The index just past the <c>]</c> that closes the trailer's id array: two strings, each hex (<c>&lt;...&gt;</c>) or literal (<c>(...)</c>, with escapes and nested parentheses).</summary>
    private static int EndOfIdArray(byte[] pdf, int i)
    {
        for (var strings = 0; strings < 2; strings++)
        {
            while (i < pdf.Length && pdf[i] is (byte)' ' or (byte)'\n' or (byte)'\r') i++;
            if (i >= pdf.Length) break;
            if (pdf[i] == (byte)'<')
            {
                i = Array.IndexOf(pdf, (byte)'>', i) + 1;
                if (i == 0) break;
                continue;
            }

            if (pdf[i] != (byte)'(') throw new InvalidOperationException("unexpected document id in the PDF trailer");
            var depth = 0;
            for (; i < pdf.Length; i++)
            {
                if (pdf[i] == (byte)'\\') i++;
                else if (pdf[i] == (byte)'(') depth++;
                else if (pdf[i] == (byte)')' && --depth == 0) break;
            }

            i++;
        }

        while (i < pdf.Length && pdf[i] is (byte)' ' or (byte)'\n' or (byte)'\r') i++;
        return i < pdf.Length && pdf[i] == (byte)']' ? i + 1 : throw new InvalidOperationException("the PDF trailer's document id does not end");
    }

    private static byte[] Concat(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> c)
    {
        var all = new byte[a.Length + b.Length + c.Length];
        a.CopyTo(all);
        b.CopyTo(all.AsSpan(a.Length));
        c.CopyTo(all.AsSpan(a.Length + b.Length));
        return all;
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
