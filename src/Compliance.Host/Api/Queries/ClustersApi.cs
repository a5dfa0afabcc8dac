using Compliance.Application.ReadModels;
using Compliance.Application.UseCases;
using Compliance.Application.UseCases.Requests;
using Compliance.Host.Api.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Compliance.Host.Api.Queries;

/// <summary>Queries about registered clusters, from the read models (auditor and up), answered by the query service.</summary>
internal static class ClustersApi
{
    public static RouteGroupBuilder MapClusterQueries(this RouteGroupBuilder api)
    {
        var clusters = api.MapGroup("/clusters").WithTags("Clusters").RequireAuthorization(Roles.ReadPolicy).Queries();
        clusters.MapGet("", List).WithName("ListClusters").WithSummary("Every registered cluster").Produces<IReadOnlyList<ClusterRow>>();
        clusters.MapGet("/{clusterId}", Get).WithName("GetCluster").WithSummary("One cluster, with its stream revisions (ETag: cluster stream)")
            .Produces<ClusterDetail>().ProducesProblem(StatusCodes.Status404NotFound);
        clusters.MapGet("/{clusterId}/eol-risk", EolRisk).WithName("ClusterEolRisk").WithSummary("EOL risk of the cluster's running versions, worst first")
            .Produces<ClusterEolResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        clusters.MapGet("/{clusterId}/patch-latency", PatchLatency).WithName("ClusterPatchLatency").WithSummary("Patches released in a period and how fast they were applied")
            .Produces<PatchLatencyResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        clusters.MapGet("/{clusterId}/findings", Findings).WithName("ClusterFindings")
            .WithSummary("Findings as of a day (process, window outcomes, drain readiness, EOL components, overdue patches), with owner, due date, age and acceptance")
            .Produces<FindingsResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        clusters.MapGet("/{clusterId}/exceptions", Exceptions).WithName("ClusterExceptions")
            .WithSummary("Risk acceptances requested on the cluster, with who accepted what, why and until when, as of a day")
            .Produces<ExceptionsResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        clusters.MapGet("/{clusterId}/history", History).WithName("ClusterHistory").WithSummary("The cluster's audit log, paged, oldest first")
            .Produces<HistoryResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> List(QueryService queries, CancellationToken ct) => TypedResults.Ok(await queries.ClustersAsync(ct));

    private static async Task<IResult> Get(string clusterId, QueryService queries, HttpContext http, CancellationToken ct)
    {
        var answer = await queries.ClusterAsync(clusterId, ct);
        if (answer.Value?.ClusterRevision is { } r) http.Response.Headers.ETag = ETags.Of(r);
        return QueryResults.Of(answer);
    }

    private static async Task<IResult> EolRisk(string clusterId, [AsParameters] AsOfQuery query, QueryService queries, CancellationToken ct) =>
        QueryResults.Of(await queries.ClusterEolRiskAsync(clusterId, query, ct));

    private static async Task<IResult> PatchLatency(string clusterId, [AsParameters] PatchLatencyQuery query, QueryService queries, CancellationToken ct) =>
        QueryResults.Of(await queries.PatchLatencyAsync(clusterId, query, ct));

    private static async Task<IResult> Findings(string clusterId, [AsParameters] AsOfQuery query, QueryService queries, CancellationToken ct) =>
        QueryResults.Of(await queries.FindingsAsync(clusterId, query, ct));

    private static async Task<IResult> Exceptions(string clusterId, [AsParameters] AsOfQuery query, QueryService queries, CancellationToken ct) =>
        QueryResults.Of(await queries.ExceptionsAsync(clusterId, query, ct));

    private static async Task<IResult> History(string clusterId, [AsParameters] HistoryQuery query, QueryService queries, CancellationToken ct) =>
        QueryResults.Of(await queries.HistoryAsync(clusterId, query, ct));

    /// <summary>What every query declares: its failures as problem details.</summary>
    internal static RouteGroupBuilder Queries(this RouteGroupBuilder group) =>
        group.ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
