using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Compliance.Host.Serve;

/// <summary>
/// Refuses every write (the API's POSTs, and report requests, which record ReportIssued) with 503, the reason and
/// Retry-After while the ledger and the read models disagree: writing on a ledger that lost or changed events would
/// reuse its positions and bury the change. Runs after authentication, so only a caller with a key learns why.
/// </summary>
internal sealed class WriteGuard(RequestDelegate next, LedgerGuard guard)
{
    public const int RetryAfterSeconds = 30;

    public async Task InvokeAsync(HttpContext context)
    {
        if (IsWrite(context.Request) && await guard.DisagreementAsync(context.RequestAborted) is { } reason)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.ContentType = "application/problem+json";
            var problem = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Writes are refused: the ledger and the read models disagree",
                Detail = $"{char.ToUpperInvariant(reason[0])}{reason[1..]}. Nothing was recorded.",
                Instance = context.Request.Path,
            };
            await context.Response.WriteAsync(JsonSerializer.Serialize(problem, Json), context.RequestAborted);
            return;
        }

        await next(context);
    }

    private static bool IsWrite(HttpRequest request) =>
        request.Path.StartsWithSegments("/api/v1", StringComparison.OrdinalIgnoreCase)
        && (HttpMethods.IsPost(request.Method) || request.Path.StartsWithSegments("/api/v1/reports", StringComparison.OrdinalIgnoreCase));

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
