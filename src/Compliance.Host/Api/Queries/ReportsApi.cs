using System.Globalization;
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
/// recorded by the end of asOf (auditor and up). Identical requests share one render and later ones get the kept
/// document (X-Report-Source: rendered, shared, cached); when every render slot is taken the answer is 503 with
/// Retry-After. The issue is recorded in the ledger (stream reports) once per document, with the name of the key whose
/// request rendered it. The SHA-256 of the bytes is the ETag.
/// </summary>
internal static class ReportsApi
{
    public static RouteGroupBuilder MapReports(this RouteGroupBuilder api)
    {
        api.MapGroup("/reports").WithTags("Reports").RequireAuthorization(Roles.ReadPolicy).Queries()
            .MapGet("", Report).WithName("Report")
            .WithSummary("The auditor report (PDF) for fleet, environment:NAME or cluster:ID over from..to (default: the last 90 days), as of a day")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return api;
    }

    private static async Task<IResult> Report([AsParameters] ReportQuery query, QueryService queries, ReportIssuer issuer,
        IConfiguration configuration, HttpContext http, CancellationToken ct)
    {
        var request = await queries.ReportRequestAsync(query, configuration["Compliance:Organisation"] ?? "Compliance", ct);
        if (request.Problem is { } problem) return QueryResults.Problem(problem);
        ReportAnswer answer;
        try
        {
            answer = await issuer.IssueAsync(request.Value!, http.User.Identity!.Name!, ct);
        }
        catch (InvalidReportRequestException e)
        {
            return Problems.Invalid(e.Message.Contains("period", StringComparison.OrdinalIgnoreCase) ? "from" : "scope", e.Message);
        }

        if (answer.Report is not { } rendered)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(answer.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Problems.Status(StatusCodes.Status503ServiceUnavailable, "Reports busy",
                "Every report slot is rendering another report; retry after the Retry-After seconds (identical requests share a render).");
        }

        http.Response.Headers["X-Report-Source"] = answer.Source.ToString().ToLowerInvariant();
        http.Response.Headers.ETag = $"\"{rendered.Sha256}\"";
        http.Response.Headers["X-Content-SHA256"] = rendered.Sha256;
        return TypedResults.File(rendered.Bytes, "application/pdf", rendered.FileName);
    }
}
