namespace Compliance.Application.UseCases.Requests;

/// <summary>A change planned for a window. Kind: controlPlane|kubelet|kubeProxy|osImage|kernel|containerRuntime|addOn; changeKind: patch|minor|major.</summary>
public sealed record PlannedChangeRequest(string? Kind, string? Product, string? ToVersion, string? ChangeKind);

/// <summary>POST /clusters/{id}/windows: schedule a maintenance window.</summary>
public sealed record ScheduleWindowRequest(
    string? WindowId,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    string? ContingencyPlan,
    IReadOnlyList<PlannedChangeRequest?>? PlannedChanges);

/// <summary>POST .../announce: tell an audience which kinds of change the window brings.</summary>
public sealed record AnnounceRequest(string? Audience, IReadOnlyList<string?>? ChangeKinds);

/// <summary>POST .../start: no fields; an empty object.</summary>
public sealed record StartRequest;

/// <summary>POST .../upgrades: a component upgraded in the started window (node empty: all nodes).</summary>
public sealed record UpgradeRequest(string? Kind, string? Product, string? Node, string? FromVersion, string? ToVersion);

/// <summary>POST .../drains: a node drained in the started window, how long it took and what got in the way.</summary>
public sealed record DrainRequest(string? Node, double? DurationSeconds, IReadOnlyList<string?>? Problems);

/// <summary>POST .../complete. Outcome: succeeded|partiallySucceeded|failed.</summary>
public sealed record CompleteRequest(string? Outcome, string? Notes);

/// <summary>POST .../abort: why, and whether the contingency plan was used.</summary>
public sealed record AbortRequest(string? Reason, bool? ContingencyUsed);

/// <summary>POST .../retrospective: what was learned after the window.</summary>
public sealed record RetrospectiveRequest(IReadOnlyList<string?>? Findings, IReadOnlyList<string?>? Improvements);
