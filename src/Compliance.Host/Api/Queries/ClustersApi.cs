using Compliance.Application.Queries;
using Compliance.Application.ReadModels;
using Compliance.Application.Store;
using Compliance.Domain.Deciders;
using Compliance.Domain.Verdicts;
using Compliance.Host.Api.Requests;
using Compliance.Host.Api.Validation;
using Compliance.Host.Serve;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Compliance.Host.Api.Queries;

/// <summary>Queries about registered clusters, from the read models (auditor and up).</summary>
internal static class ClustersApi
{
    public static RouteGroupBuilder MapClusterQueries(this RouteGroupBuilder api)
    {
        var clusters = api.MapGroup("/clusters").WithTags("Clusters").RequireAuthorization(Roles.ReadPolicy).Queries();
        clusters.MapGet("", List).WithName("ListClusters").WithSummary("Every registered cluster");
        clusters.MapGet("/{clusterId}", Get).WithName("GetCluster").WithSummary("One cluster, with its stream revisions (ETag: cluster stream)")
            .AddEndpointFilter<ValidateQuery<AsOfQuery>>();
        clusters.MapGet("/{clusterId}/eol-risk", EolRisk).WithName("ClusterEolRisk").WithSummary("EOL risk of the cluster's running versions, worst first")
            .AddEndpointFilter<ValidateQuery<AsOfQuery>>();
        clusters.MapGet("/{clusterId}/patch-latency", PatchLatency).WithName("ClusterPatchLatency").WithSummary("Patches released in a period and how fast they were applied")
            .AddEndpointFilter<ValidateQuery<PatchLatencyQuery>>();
        clusters.MapGet("/{clusterId}/findings", Findings).WithName("ClusterFindings").WithSummary("Process and drain-readiness findings as of a day")
            .AddEndpointFilter<ValidateQuery<AsOfQuery>>();
        clusters.MapGet("/{clusterId}/history", History).WithName("ClusterHistory").WithSummary("The cluster's audit log, paged, oldest first")
            .AddEndpointFilter<ValidateQuery<HistoryQuery>>();
        return api;
    }

    private static async Task<Ok<IReadOnlyList<ClusterRow>>> List(FleetQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ClustersAsync(ct));

    private static async Task<Results<Ok<ClusterDetail>, ProblemHttpResult>> Get(string clusterId, FleetQueries queries, IEventReader ledger,
        HttpContext http, CancellationToken ct)
    {
        if (await queries.ClusterAsync(clusterId, ct) is not { } cluster) return Unknown(clusterId);
        var revision = await StreamRevisions.LastAsync(ledger, Streams.Cluster(clusterId), ct);
        if (revision is { } r) http.Response.Headers.ETag = ETags.Of(r);
        return TypedResults.Ok(new ClusterDetail(cluster, revision, await StreamRevisions.LastAsync(ledger, Streams.Maintenance(clusterId), ct)));
    }

    private static async Task<Results<Ok<ClusterEolResponse>, ProblemHttpResult>> EolRisk(string clusterId, [AsParameters] AsOfQuery query,
        FleetQueries queries, TimeProvider time, CancellationToken ct)
    {
        if (await queries.ClusterAsync(clusterId, ct) is null) return Unknown(clusterId);
        var day = QueryRules.Day(query.AsOf, Days.Of(time.GetUtcNow()));
        return TypedResults.Ok(new ClusterEolResponse(clusterId, day, await queries.EolRiskAsync(clusterId, day, ct)));
    }

    private static async Task<Results<Ok<PatchLatencyResponse>, ProblemHttpResult>> PatchLatency(string clusterId, [AsParameters] PatchLatencyQuery query,
        FleetQueries queries, TimeProvider time, CancellationToken ct)
    {
        if (await queries.ClusterAsync(clusterId, ct) is null) return Unknown(clusterId);
        var to = QueryRules.Day(query.To, Days.Of(time.GetUtcNow()));
        var from = QueryRules.Day(query.From, to.AddDays(-365));
        var asOf = Days.EndOf(to);
        var patches = (await queries.PatchLatencyAsync(clusterId, asOf, ct))
            .Where(p => Days.Of(p.ReleasedAt) >= from && Days.Of(p.ReleasedAt) <= to)
            .OrderBy(p => p.ReleasedAt)
            .ToList();
        var compliance = Domain.Verdicts.PatchLatency.Compliance(patches, asOf);
        return TypedResults.Ok(new PatchLatencyResponse(clusterId, from, to, compliance.Due, compliance.AppliedWithinSla, compliance.Ratio, patches));
    }

    private static async Task<Results<Ok<FindingsResponse>, ProblemHttpResult>> Findings(string clusterId, [AsParameters] AsOfQuery query,
        FleetQueries queries, TimeProvider time, CancellationToken ct)
    {
        if (await queries.ClusterAsync(clusterId, ct) is null) return Unknown(clusterId);
        var day = QueryRules.Day(query.AsOf, Days.Of(time.GetUtcNow()));
        var asOf = Days.EndOf(day);
        var findings = (await queries.FindingsAsync(clusterId, asOf, ct)).OrderBy(f => f.DetectedAt).ToList();
        return TypedResults.Ok(new FindingsResponse(clusterId, day, findings.Count(f => f.IsOpenAt(asOf)), findings));
    }

    private static async Task<Results<Ok<HistoryResponse>, ProblemHttpResult>> History(string clusterId, [AsParameters] HistoryQuery query,
        FleetQueries queries, IEventReader ledger, CancellationToken ct)
    {
        if (await queries.ClusterAsync(clusterId, ct) is null) return Unknown(clusterId);
        var page = query.Page is null ? 1 : int.Parse(query.Page, System.Globalization.CultureInfo.InvariantCulture);
        var size = query.PageSize is null ? 50 : int.Parse(query.PageSize, System.Globalization.CultureInfo.InvariantCulture);
        var entries = await queries.AuditLogAsync(clusterId, (page - 1) * size, size, ct);
        var total = await StreamRevisions.ClusterEventCountAsync(ledger, clusterId, ct);
        return TypedResults.Ok(new HistoryResponse(clusterId, page, size, total, entries));
    }

    private static ProblemHttpResult Unknown(string clusterId) => Problems.NotFound($"no cluster '{clusterId}' is registered");

    /// <summary>What every query declares: its failures as problem details.</summary>
    internal static RouteGroupBuilder Queries(this RouteGroupBuilder group) =>
        group.ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
