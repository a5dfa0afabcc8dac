namespace Compliance.Application.UseCases.Requests;

/// <summary>?asOf=YYYY-MM-DD (default: today, UTC).</summary>
public sealed record AsOfQuery(string? AsOf);

/// <summary>GET /fleet/eol-risk: environment staging|production, minLevel low|medium|high|eol (unknown verdicts are always listed), asOf.</summary>
public sealed record FleetEolQuery(string? Environment, string? MinLevel, string? AsOf);

/// <summary>GET /eol-risk/check: any version string as observed; product optional (inferred from the string).</summary>
public sealed record CheckQuery(string? Product, string? Version, string? AsOf);

/// <summary>GET /clusters/{id}/patch-latency: patches released from..to (days, default: the 365 days up to to, to default today), as of the end of to.</summary>
public sealed record PatchLatencyQuery(string? From, string? To);

/// <summary>GET /clusters/{id}/history: page from 1, pageSize 1-500 (default 50).</summary>
public sealed record HistoryQuery(string? Page, string? PageSize);

/// <summary>GET /reports: scope fleet or a cluster id, period from..to, evaluated as of asOf (default: to).</summary>
public sealed record ReportQuery(string? Scope, string? From, string? To, string? AsOf);

/// <summary>GET /fleet/findings: environment staging|production, state open|overdue|accepted|resolved, asOf.</summary>
public sealed record FleetFindingsQuery(string? Environment, string? State, string? AsOf);
