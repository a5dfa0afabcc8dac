using Compliance.Application.UseCases;
using Compliance.Application.UseCases.Requests;
using Compliance.Host.Api.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Compliance.Host.Api.Queries;

/// <summary>Fleet-wide EOL risk, findings and exceptions, and the verdict for any version string (for CI pipelines; no store involved).</summary>
internal static class FleetApi
{
    public static RouteGroupBuilder MapFleetQueries(this RouteGroupBuilder api)
    {
        var eol = api.MapGroup("").WithTags("EOL risk").RequireAuthorization(Roles.ReadPolicy).Queries();
        eol.MapGet("/fleet/eol-risk", Fleet).WithName("FleetEolRisk").WithSummary("EOL risk of every running version in the fleet, worst first")
            .Produces<FleetEolResponse>();
        eol.MapGet("/eol-risk/check", Check).WithName("CheckVersion").WithSummary("EOL risk of one version string, from the shipped catalog")
            .Produces<CheckResponse>();
        var fleet = api.MapGroup("/fleet").WithTags("Findings").RequireAuthorization(Roles.ReadPolicy).Queries();
        fleet.MapGet("/findings", Findings).WithName("FleetFindings")
            .WithSummary("Every cluster's findings as of a day, with owner, due date, age and acceptance; filter by environment and state")
            .Produces<FleetFindingsResponse>();
        fleet.MapGet("/exceptions", Exceptions).WithName("FleetExceptions").WithSummary("Every cluster's risk acceptances as of a day")
            .Produces<ExceptionsResponse>();
        return api;
    }

    private static async Task<IResult> Fleet([AsParameters] FleetEolQuery query, QueryService queries, FleetEolCache cache, CancellationToken ct)
    {
        var filter = await queries.FleetEolFilterAsync(query, ct);
        return filter.Problem is { } problem ? QueryResults.Problem(problem) : new FleetEolResult(await cache.GetAsync(filter.Value!, ct));
    }

    private static async Task<IResult> Findings([AsParameters] FleetFindingsQuery query, QueryService queries, CancellationToken ct) =>
        QueryResults.Of(await queries.FleetFindingsAsync(query, ct));

    private static async Task<IResult> Exceptions([AsParameters] AsOfQuery query, QueryService queries, CancellationToken ct) =>
        QueryResults.Of(await queries.FleetExceptionsAsync(query, ct));

    private static async Task<IResult> Check([AsParameters] CheckQuery query, VersionCheck check, CancellationToken ct) =>
        QueryResults.Of(await check.CheckAsync(query, ct));
}
