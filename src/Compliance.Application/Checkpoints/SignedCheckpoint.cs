using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Compliance.Application.Store;
using Compliance.Domain.Events;

namespace Compliance.Application.Checkpoints;

/// <summary>
/// A signed statement that the ledger's event at <paramref name="Position"/> has hash <paramref name="Hash"/> and was
/// recorded at <paramref name="RecordedAt"/>. The signature (base64) is over <see cref="Message"/>, the fixed text
/// <c>compliance-checkpoint/v1\n{position}\n{hash}\n{recorded-at}\n</c>, so anyone with the public key can check it
/// (with openssl, for one: reports/README.md). <paramref name="KeyFingerprint"/> names the key: <c>sha256:</c> and the
/// SHA-256 of its DER SubjectPublicKeyInfo in hex.
/// </summary>
public sealed partial record SignedCheckpoint(long Position, string Hash, DateTimeOffset RecordedAt, string Algorithm, string KeyFingerprint, string Signature)
{
    public const string Format = "compliance-checkpoint/v1";

    /// <summary>The bytes the signature covers.</summary>
    public byte[] Message() => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Format}\n{Position}\n{Hash}\n{Instant(RecordedAt)}\n"));

    /// <summary>One line holding everything needed to check it (the report's PDF metadata carries it; <see cref="FindIn"/> reads it back).</summary>
    public string ToLine() => string.Create(CultureInfo.InvariantCulture, $"{Format} {Position} {Hash} {Instant(RecordedAt)} {Algorithm} {KeyFingerprint} {Signature}");

    /// <summary>The first checkpoint line in <paramref name="text"/> (e.g. a PDF's bytes read as Latin-1), or null.</summary>
    public static SignedCheckpoint? FindIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var m = LinePattern().Match(text);
        if (!m.Success) return null;
        return new SignedCheckpoint(long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[2].Value,
            ParseInstant(m.Groups[3].Value), m.Groups[4].Value, m.Groups[5].Value, m.Groups[6].Value);
    }

    public LedgerCheckpointed ToEvent() => new(Position, Hash, RecordedAt, Algorithm, KeyFingerprint, Signature);

    public static SignedCheckpoint Of(LedgerCheckpointed e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new SignedCheckpoint(e.Position, e.HeadHash, e.HeadRecordedAt, e.Algorithm, e.KeyFingerprint, e.Signature);
    }

    public static string Instant(DateTimeOffset t) => LedgerInstant.ToText(t);

    public static DateTimeOffset ParseInstant(string text) => LedgerInstant.Parse(text);

    [GeneratedRegex(@"compliance-checkpoint/v1 ([0-9]{1,19}) ([0-9a-f]{64}) ([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{7}Z) ([A-Za-z0-9]{1,20}) (sha256:[0-9a-f]{64}) ([A-Za-z0-9+/]{20,200}={0,2})", RegexOptions.CultureInvariant)]
    private static partial Regex LinePattern();
}
