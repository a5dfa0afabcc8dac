using Compliance.Application.Reports;
using Compliance.Domain.Verdicts;
using Compliance.Host.Api.Requests;
using Compliance.Host.Api.Validation;
using Compliance.Host.Serve;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
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
    public const int DefaultPeriodDays = 90;

    public static RouteGroupBuilder MapReports(this RouteGroupBuilder api)
    {
        api.MapGroup("/reports").WithTags("Reports").RequireAuthorization(Roles.ReadPolicy).Queries()
            .MapGet("", Report).WithName("Report")
            .WithSummary("The auditor report (PDF) for fleet, environment:NAME or cluster:ID over from..to (default: the last 90 days), as of a day")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .AddEndpointFilter<ValidateQuery<ReportQuery>>();
        return api;
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> Report([AsParameters] ReportQuery query, ReportService reports,
        IConfiguration configuration, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var asOfDay = QueryRules.Day(query.AsOf, Days.Of(now));
        if (asOfDay > Days.Of(now)) return Problems.Invalid("asOf", $"asOf {asOfDay:yyyy-MM-dd} is in the future: nothing is recorded for it yet");
        var to = QueryRules.Day(query.To, asOfDay);
        var from = QueryRules.Day(query.From, to.AddDays(1 - DefaultPeriodDays));
        var asOf = Days.EndOf(asOfDay) < now ? Days.EndOf(asOfDay) : now;
        var scope = ReportScope.TryParse(query.Scope ?? "fleet", out _)!;
        var request = new ReportRequest(scope, from, to, asOf, configuration["Compliance:Organisation"] ?? "Compliance");
        if (request.Problem() is { } problem) return Problems.Invalid(query.From is null ? "to" : "from", problem);
        RenderedReport rendered;
        try
        {
            rendered = await reports.RenderAsync(request, null, ct);
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
