namespace Compliance.Domain.Events;

/// <summary>
/// Fact of stream <c>ledger-checkpoints</c>: the ledger's head was signed. The event at <paramref name="Position"/>
/// has hash <paramref name="HeadHash"/> and was recorded at <paramref name="HeadRecordedAt"/>; <paramref name="Signature"/>
/// (base64) is the <paramref name="Algorithm"/> signature of those three, made with the key whose fingerprint is
/// <paramref name="KeyFingerprint"/>. A witness that keeps the checkpoint can later prove the ledger still extends it.
/// </summary>
public sealed record LedgerCheckpointed(
    long Position,
    string HeadHash,
    DateTimeOffset HeadRecordedAt,
    string Algorithm,
    string KeyFingerprint,
    string Signature) : DomainEvent;
