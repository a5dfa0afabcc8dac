using Compliance.Application.Queries;
using Compliance.Application.ReadModels;
using Compliance.Application.Reports;
using Compliance.Application.Store;
using Compliance.Application.UseCases.Requests;
using Compliance.Application.UseCases.Validation;
using Compliance.Domain.Deciders;
using Compliance.Domain.Verdicts;
using FluentValidation;
using Environment = Compliance.Domain.Events.Environment;

namespace Compliance.Application.UseCases;

/// <summary>
/// The queries, one method per question, for every caller (the HTTP API, the CLI in process): the same validation, the
/// same defaults (as-of today, patch latency over the year to the last day) and the same answers.
/// </summary>
public sealed partial class QueryService(FleetQueries queries, IEventReader ledger, IServiceProvider validators, TimeProvider time)
{
    /// <summary>How far back patch latency looks when the query gives no first day.</summary>
    public const int DefaultPatchDays = 365;

    public Task<IReadOnlyList<ClusterRow>> ClustersAsync(CancellationToken ct) => queries.ClustersAsync(ct);

    /// <summary>One cluster and the revisions of its streams (the If-Match values of commands on them).</summary>
    public async Task<Answer<ClusterDetail>> ClusterAsync(string clusterId, CancellationToken ct)
    {
        if (await FindAsync(clusterId, new AsOfQuery(null), ct) is { } problem) return problem;
        var cluster = (await queries.ClusterAsync(clusterId, ct))!;
        return new ClusterDetail(cluster, await StreamRevisions.LastAsync(ledger, Streams.Cluster(clusterId), ct),
            await StreamRevisions.LastAsync(ledger, Streams.Maintenance(clusterId), ct));
    }

    public async Task<Answer<ClusterEolResponse>> ClusterEolRiskAsync(string clusterId, AsOfQuery query, CancellationToken ct)
    {
        if (await FindAsync(clusterId, query, ct) is { } problem) return problem;
        var day = QueryRules.Day(query.AsOf, Today);
        return new ClusterEolResponse(clusterId, day, await queries.EolRiskAsync(clusterId, day, ct));
    }

    /// <summary>
    /// Patches released from..to (default: the <see cref="DefaultPatchDays"/> days up to to; to defaults to today) and
    /// how fast they were applied, as of the end of to: one row per patch level, the count every surface shows
    /// (<see cref="Domain.Verdicts.PatchLatency.ForPeriod"/>).
    /// </summary>
    public async Task<Answer<PatchLatencyResponse>> PatchLatencyAsync(string clusterId, PatchLatencyQuery query, CancellationToken ct)
    {
        if (await FindAsync(clusterId, query, ct) is { } problem) return problem;
        var to = QueryRules.Day(query.To, Today);
        var from = QueryRules.Day(query.From, to.AddDays(-DefaultPatchDays));
        var asOf = Days.EndOf(to);
        var period = Domain.Verdicts.PatchLatency.ForPeriod(await queries.PatchLatencyAsync(clusterId, asOf, ct), from, to, asOf);
        return new PatchLatencyResponse(clusterId, period.From, period.To, period.AsOf, period.Patches, period.Due, period.AppliedWithinSla, period.Breached,
            period.Open, period.Compliance, period.Rows);
    }

    /// <summary>One page of the cluster's audit log, oldest first (page from 1, default 50 entries).</summary>
    public async Task<Answer<HistoryResponse>> HistoryAsync(string clusterId, HistoryQuery query, CancellationToken ct)
    {
        if (await FindAsync(clusterId, query, ct) is { } problem) return problem;
        var page = query.Page is null ? 1 : int.Parse(query.Page, System.Globalization.CultureInfo.InvariantCulture);
        var size = query.PageSize is null ? 50 : int.Parse(query.PageSize, System.Globalization.CultureInfo.InvariantCulture);
        var entries = await queries.AuditLogAsync(clusterId, (page - 1) * size, size, ct);
        var total = await StreamRevisions.ClusterEventCountAsync(ledger, clusterId, ct);
        return new HistoryResponse(clusterId, page, size, total, entries);
    }

    /// <summary>The fleet's EOL risk with its filters read and checked (defaults: today, every environment, every level).</summary>
    public async Task<Answer<FleetEolFilter>> FleetEolFilterAsync(FleetEolQuery query, CancellationToken ct)
    {
        if (await ValidateAsync(null, query, ct) is { } problem) return problem;
        return new FleetEolFilter(
            QueryRules.Day(query.AsOf, Today),
            query.Environment is null ? null : Inputs.Enum<Environment>(query.Environment).ToString().ToLowerInvariant(),
            query.MinLevel is null ? null : Inputs.Enum<EolLevel>(query.MinLevel));
    }

    public async Task<Answer<FleetEolResponse>> FleetEolRiskAsync(FleetEolQuery query, CancellationToken ct)
    {
        var filter = await FleetEolFilterAsync(query, ct);
        if (filter.Problem is { } problem) return problem;
        var checkpoint = await queries.CheckpointAsync(ct);
        var environments = (await queries.ClustersAsync(ct)).ToDictionary(c => c.ClusterId, c => c.Environment, StringComparer.Ordinal);
        return filter.Value!.Apply(await queries.EolRiskAsync(null, filter.Value.Day, ct), environments, checkpoint);
    }

    /// <summary>
    /// The report a query asks for: scope (default fleet), the period from..to (default: the <see cref="DefaultReportDays"/>
    /// days up to as-of) and the instant it states (the end of the as-of day, or now while that day runs).
    /// </summary>
    public async Task<Answer<ReportRequest>> ReportRequestAsync(ReportQuery query, string organisation, CancellationToken ct)
    {
        if (await ValidateAsync(null, query, ct) is { } problem) return problem;
        var now = time.GetUtcNow();
        var asOfDay = QueryRules.Day(query.AsOf, Days.Of(now));
        if (asOfDay > Days.Of(now)) return Problem.Invalid("asOf", $"asOf {asOfDay:yyyy-MM-dd} is in the future: nothing is recorded for it yet");
        var to = QueryRules.Day(query.To, asOfDay);
        var from = QueryRules.Day(query.From, to.AddDays(1 - DefaultReportDays));
        var asOf = Days.EndOf(asOfDay) < now ? Days.EndOf(asOfDay) : now;
        var request = new ReportRequest(ReportScope.TryParse(query.Scope ?? "fleet", out _)!, from, to, asOf, organisation);
        return request.Problem() is { } invalid ? Problem.Invalid(query.From is null ? "to" : "from", invalid) : request;
    }

    /// <summary>How many days a report covers when the query gives no first day.</summary>
    public const int DefaultReportDays = 90;

    private DateOnly Today => Days.Of(time.GetUtcNow());

    /// <summary>The query's problems, else "no cluster X is registered" when it names one that is not.</summary>
    private async Task<Problem?> FindAsync<TQuery>(string clusterId, TQuery query, CancellationToken ct) where TQuery : class
    {
        if (await ValidateAsync(clusterId, query, ct) is { } invalid) return invalid;
        return await queries.ClusterAsync(clusterId, ct) is null ? Problem.NotFound($"no cluster '{clusterId}' is registered") : null;
    }

    private async Task<Problem?> ValidateAsync<TQuery>(string? clusterId, TQuery query, CancellationToken ct) where TQuery : class
    {
        var errors = clusterId is null ? new Dictionary<string, string[]>() : RouteIds.Cluster(clusterId).Problems();
        var validator = (IValidator<TQuery>)(validators.GetService(typeof(IValidator<TQuery>))
            ?? throw new InvalidOperationException($"no validator is registered for {typeof(TQuery).Name}"));
        foreach (var group in (await validator.ValidateAsync(query, ct)).Errors.GroupBy(e => CommandPipeline.FieldName(e.PropertyName)))
            errors[group.Key] = [.. group.Select(e => e.ErrorMessage)];
        return errors.Count > 0 ? Problem.Invalid(errors) : null;
    }
}

/// <summary>Which part of the fleet's EOL table a query asks for.</summary>
public sealed record FleetEolFilter(DateOnly Day, string? Environment, EolLevel? MinLevel)
{
    /// <summary>The verdicts of the environment (any when null) at or above the level; unknown verdicts are always listed.</summary>
    public FleetEolResponse Apply(IReadOnlyList<EolRiskVerdict> verdicts, IReadOnlyDictionary<string, string> environments, long checkpoint)
    {
        var selected = verdicts
            .Where(v => Environment is null || string.Equals(environments.GetValueOrDefault(v.ClusterId), Environment, StringComparison.OrdinalIgnoreCase))
            .Where(v => MinLevel is not { } min || v.Level == EolLevel.Unknown || v.Level >= min)
            .ToList();
        return new FleetEolResponse(Day, Environment, MinLevel?.ToString().ToLowerInvariant(), checkpoint, selected.Count, selected);
    }
}
