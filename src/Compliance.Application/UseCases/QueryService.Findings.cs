using Compliance.Application.UseCases.Requests;
using Compliance.Application.UseCases.Validation;
using Compliance.Domain.Verdicts;
using Environment = Compliance.Domain.Events.Environment;

namespace Compliance.Application.UseCases;

/// <summary>Findings with their owner, due date, age and acceptance; exceptions with who accepted what, why and until when.</summary>
public sealed partial class QueryService
{
    /// <summary>The cluster's findings detected by the end of the as-of day (default today), each as it stood then.</summary>
    public async Task<Answer<FindingsResponse>> FindingsAsync(string clusterId, AsOfQuery query, CancellationToken ct)
    {
        if (await FindAsync(clusterId, query, ct) is { } problem) return problem;
        var day = QueryRules.Day(query.AsOf, Today);
        var findings = await FindingStatusesAsync(clusterId, Days.EndOf(day), ct);
        return new FindingsResponse(clusterId, day, Count(findings, FindingState.Open), Count(findings, FindingState.Overdue),
            Count(findings, FindingState.Accepted), findings);
    }

    /// <summary>The fleet's findings as of the end of a day, of one environment and state when asked; oldest first.</summary>
    public async Task<Answer<FleetFindingsResponse>> FleetFindingsAsync(FleetFindingsQuery query, CancellationToken ct)
    {
        if (await ValidateAsync(null, query, ct) is { } problem) return problem;
        var day = QueryRules.Day(query.AsOf, Today);
        var environment = query.Environment is null ? null : Inputs.Enum<Environment>(query.Environment).ToString().ToLowerInvariant();
        FindingState? state = query.State is null ? null : Inputs.Enum<FindingState>(query.State);
        var environments = (await queries.ClustersAsync(ct)).ToDictionary(c => c.ClusterId, c => c.Environment, StringComparer.Ordinal);
        var findings = (await FindingStatusesAsync(null, Days.EndOf(day), ct))
            .Where(f => environment is null || environments.GetValueOrDefault(f.ClusterId) == environment)
            .ToList();
        var listed = findings.Where(f => state is null || f.State == state).ToList();
        return new FleetFindingsResponse(day, environment, state?.ToString().ToLowerInvariant(), Count(findings, FindingState.Open),
            Count(findings, FindingState.Overdue), Count(findings, FindingState.Accepted), listed.Count, listed);
    }

    /// <summary>The cluster's exceptions requested by the end of the as-of day, with their status that day.</summary>
    public async Task<Answer<ExceptionsResponse>> ExceptionsAsync(string clusterId, AsOfQuery query, CancellationToken ct)
    {
        if (await FindAsync(clusterId, query, ct) is { } problem) return problem;
        var day = QueryRules.Day(query.AsOf, Today);
        return new ExceptionsResponse(clusterId, day, await queries.ExceptionsAsync(clusterId, Days.EndOf(day), ct));
    }

    /// <summary>Every exception of the fleet requested by the end of the as-of day, with its status that day.</summary>
    public async Task<Answer<ExceptionsResponse>> FleetExceptionsAsync(AsOfQuery query, CancellationToken ct)
    {
        if (await ValidateAsync(null, query, ct) is { } problem) return problem;
        var day = QueryRules.Day(query.AsOf, Today);
        return new ExceptionsResponse(null, day, await queries.ExceptionsAsync(null, Days.EndOf(day), ct));
    }

    /// <summary>
    /// Findings of one cluster or the fleet as they stood at <paramref name="asOf"/>, each with its state, age, overdue
    /// date and acceptance under the exceptions in force then: the rows every surface lists (the report included).
    /// </summary>
    public async Task<IReadOnlyList<FindingStatus>> FindingStatusesAsync(string? clusterId, DateTimeOffset asOf, CancellationToken ct)
    {
        var exceptions = await queries.ExceptionsAsync(clusterId, asOf, ct);
        return [.. (await queries.FindingsAsync(clusterId, asOf, ct))
            .Select(f => Exceptions.StatusOf(f, exceptions, asOf))
            .OrderBy(f => f.DetectedAt).ThenBy(f => f.ClusterId, StringComparer.Ordinal).ThenBy(f => f.Kind).ThenBy(f => f.Subject, StringComparer.Ordinal)];
    }

    private static int Count(IEnumerable<FindingStatus> findings, FindingState state) => findings.Count(f => f.State == state);
}
