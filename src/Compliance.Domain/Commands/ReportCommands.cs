using Compliance.Domain.Events;

namespace Compliance.Domain.Commands;

/// <summary>Record that a report was issued; issuing the same document (same SHA-256) again records nothing.</summary>
public sealed record RecordReportIssued(ReportIssued Report, string Actor, DateTimeOffset Now) : Command(Actor, Now);
