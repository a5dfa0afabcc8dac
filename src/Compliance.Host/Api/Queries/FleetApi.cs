using Compliance.Application.Catalog;
using Compliance.Domain.Policies;
using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;
using Compliance.Host.Api.Requests;
using Compliance.Host.Api.Validation;
using Compliance.Host.Serve;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Environment = Compliance.Domain.Events.Environment;

namespace Compliance.Host.Api.Queries;

/// <summary>Fleet-wide EOL risk, and the verdict for any version string (for CI pipelines; no store involved).</summary>
internal static class FleetApi
{
    public static RouteGroupBuilder MapFleetQueries(this RouteGroupBuilder api)
    {
        var eol = api.MapGroup("").WithTags("EOL risk").RequireAuthorization(Roles.ReadPolicy).Queries();
        eol.MapGet("/fleet/eol-risk", Fleet).WithName("FleetEolRisk").WithSummary("EOL risk of every running version in the fleet, worst first")
            .AddEndpointFilter<ValidateQuery<FleetEolQuery>>();
        eol.MapGet("/eol-risk/check", Check).WithName("CheckVersion").WithSummary("EOL risk of one version string, from the shipped catalog")
            .AddEndpointFilter<ValidateQuery<CheckQuery>>();
        return api;
    }

    private static async Task<FleetEolResult> Fleet([AsParameters] FleetEolQuery query, FleetEolCache cache, TimeProvider time, CancellationToken ct)
    {
        var day = QueryRules.Day(query.AsOf, Days.Of(time.GetUtcNow()));
        string? environment = query.Environment is null ? null : Inputs.Enum<Environment>(query.Environment).ToString().ToLowerInvariant();
        EolLevel? minLevel = query.MinLevel is null ? null : Inputs.Enum<EolLevel>(query.MinLevel);
        return new FleetEolResult(await cache.GetAsync(day, environment, minLevel, ct));
    }

    private static Ok<CheckResponse> Check([AsParameters] CheckQuery query, TimeProvider time)
    {
        var day = QueryRules.Day(query.AsOf, Days.Of(time.GetUtcNow()));
        var catalog = CatalogSnapshot.Embedded.Catalog;
        var parsed = query.Product is null ? VersionParser.Infer(query.Version!) : VersionParser.ParseForProduct(query.Product, query.Version!);
        var a = EolRisk.Assess(parsed, catalog, MaintenancePolicy.Default, day);
        return TypedResults.Ok(new CheckResponse(query.Version!, parsed.Product, parsed.Normalized, a.Cycle?.Cycle ?? parsed.Cycle, day, a.Level, a.Note,
            a.Cycle?.Eoas, a.Cycle?.Eol, a.Cycle?.Eoes, a.DaysLeft, a.PatchesBehind, a.OldestMissingPatchAgeDays, a.LatestPatch));
    }
}
