namespace Compliance.Domain.Events;

/// <summary>
/// Fact of stream <c>reports</c>: an auditor report was issued. <paramref name="Sha256"/> is the hex SHA-256 of the
/// PDF's bytes, so the ledger says which exact document was handed out; <paramref name="Scope"/> is <c>fleet</c>,
/// <c>environment:NAME</c> or <c>cluster:ID</c>; the report states what was recorded up to <paramref name="AsOf"/>
/// about [<paramref name="From"/>, <paramref name="To"/>]; <paramref name="At"/> is when it was generated.
/// </summary>
public sealed record ReportIssued(
    string Scope,
    DateOnly From,
    DateOnly To,
    DateTimeOffset AsOf,
    string Sha256,
    string FileName,
    DateTimeOffset At) : DomainEvent;
