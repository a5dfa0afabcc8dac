using Compliance.Host.Api.Requests;
using Compliance.Host.Api.Validation;
using Compliance.Host.Serve;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Compliance.Host.Api.Queries;

/// <summary>GET /reports: the auditor PDF for a scope and period (auditor and up).</summary>
internal static class ReportsApi
{
    public static RouteGroupBuilder MapReports(this RouteGroupBuilder api)
    {
        api.MapGroup("/reports").WithTags("Reports").RequireAuthorization(Roles.ReadPolicy).Queries()
            .MapGet("", Report).WithName("Report").WithSummary("The auditor report (PDF) for fleet, environment:NAME or cluster:ID over from..to, as of a day")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status501NotImplemented)
            .AddEndpointFilter<ValidateQuery<ReportQuery>>();
        return api;
    }

    private static ProblemHttpResult Report([AsParameters] ReportQuery query) =>
        Problems.Status(StatusCodes.Status501NotImplemented, "Not implemented", "report rendering not available in this build");
}
