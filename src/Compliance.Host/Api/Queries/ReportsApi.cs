using Compliance.Application.Reports;
using Compliance.Application.UseCases;
using Compliance.Application.UseCases.Requests;
using Compliance.Host.Api.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace Compliance.Host.Api.Queries;

/// <summary>
/// GET /reports: the auditor PDF for fleet, environment:NAME or cluster:ID over from..to, stating what the ledger had
/// recorded by the end of asOf (auditor and up). The issue is recorded in the ledger (stream reports) with the key's
/// name; the same document is recorded once. The SHA-256 of the bytes is the ETag.
/// </summary>
internal static class ReportsApi
{
    public static RouteGroupBuilder MapReports(this RouteGroupBuilder api)
    {
        api.MapGroup("/reports").WithTags("Reports").RequireAuthorization(Roles.ReadPolicy).Queries()
            .MapGet("", Report).WithName("Report")
            .WithSummary("The auditor report (PDF) for fleet, environment:NAME or cluster:ID over from..to (default: the last 90 days), as of a day")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf");
        return api;
    }

    private static async Task<IResult> Report([AsParameters] ReportQuery query, QueryService queries, ReportService reports,
        IConfiguration configuration, HttpContext http, CancellationToken ct)
    {
        var request = await queries.ReportRequestAsync(query, configuration["Compliance:Organisation"] ?? "Compliance", ct);
        if (request.Problem is { } problem) return QueryResults.Problem(problem);
        RenderedReport rendered;
        try
        {
            rendered = await reports.RenderAsync(request.Value!, null, ct);
        }
        catch (InvalidReportRequestException e)
        {
            return Problems.Invalid(e.Message.Contains("period", StringComparison.OrdinalIgnoreCase) ? "from" : "scope", e.Message);
        }

        await reports.RecordAsync(rendered, rendered.FileName, http.User.Identity!.Name!, ct);
        http.Response.Headers.ETag = $"\"{rendered.Sha256}\"";
        http.Response.Headers["X-Content-SHA256"] = rendered.Sha256;
        return TypedResults.File(rendered.Bytes, "application/pdf", rendered.FileName);
    }
}
