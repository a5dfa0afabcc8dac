namespace Compliance.Application.UseCases.Requests;

/// <summary>
/// POST /clusters/{id}/exceptions (operator): ask for acceptance of one open finding (findingKind and findingSubject as
/// the findings query lists them) or one running component's risk (componentId as the EOL-risk query lists it, e.g.
/// <c>control-plane</c> or <c>node/*/kubelet</c>), with the reason and the expiry day (YYYY-MM-DD, after today; on that
/// day the item is open again).
/// </summary>
public sealed record RequestExceptionRequest(
    string? ExceptionId,
    string? FindingKind,
    string? FindingSubject,
    string? ComponentId,
    string? Reason,
    string? ExpiresOn);

/// <summary>POST /clusters/{id}/exceptions/{exceptionId}/approve (admin, not the requester): no fields; an empty object.</summary>
public sealed record ApproveExceptionRequest;

/// <summary>POST /clusters/{id}/exceptions/{exceptionId}/reject (admin, not the requester): why.</summary>
public sealed record RejectExceptionRequest(string? Reason);

/// <summary>
/// POST /catalog/products/{product}/cycles (operator): a release cycle of a product the shipped catalog lacks (or a cycle
/// it lacks), with the source that says so and the day the source published it. Dates are YYYY-MM-DD.
/// </summary>
public sealed record RecordCycleRequest(
    string? Cycle,
    string? ReleaseDate,
    string? Eoas,
    string? Eol,
    string? Eoes,
    bool? EolReached,
    string? Source,
    string? SourceDate);
