namespace Compliance.Contracts.Integration;

/// <summary>
/// The ledger's head was signed: the event at <paramref name="Position"/> has hash <paramref name="HeadHash"/> and was
/// recorded at <paramref name="HeadRecordedAt"/>. <paramref name="Signature"/> is the base64 <paramref name="Algorithm"/>
/// (Ed25519) signature of the text <c>compliance-checkpoint/v1\n{Position}\n{HeadHash}\n{HeadRecordedAt as
/// yyyy-MM-ddTHH:mm:ss.fffffffZ}\n</c> by the key <paramref name="KeyFingerprint"/> (sha256 of its DER public key);
/// <paramref name="PublicKey"/> is that key in PEM. A witness keeps these: the ledger must extend every one of them.
/// </summary>
public sealed record LedgerCheckpointed(
    long Position,
    string HeadHash,
    DateTimeOffset HeadRecordedAt,
    string Algorithm,
    string KeyFingerprint,
    string Signature,
    string PublicKey);
