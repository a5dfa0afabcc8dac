using Compliance.Domain.Events;

namespace Compliance.Domain.Verdicts;

/// <summary>An event as the ledger recorded it: where it stands (the evidence a finding points to) and when it was recorded.</summary>
public sealed record RecordedFact(DomainEvent Event, string Stream, long Revision, long Position, DateTimeOffset RecordedAt);

/// <summary>Points at the event that proves a verdict.</summary>
public sealed record EvidenceRef(string Stream, long Revision, long Position)
{
    public static EvidenceRef Of(RecordedFact fact) => new(fact.Stream, fact.Revision, fact.Position);

    public override string ToString() => $"{Stream}@{Revision} (#{Position})";
}
