using System.Globalization;
using Compliance.Application.Handling;
using Compliance.Application.Store;
using Compliance.Application.UseCases;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Compliance.Host.Api;

/// <summary>
/// A store that does not answer, and a stream other writers keep moving, are answered 503 with Retry-After wherever
/// they surface (commands, queries, reports), never 500. Which node failed and why goes to the log and, for admins, to
/// /health/ready; callers get the status word.
/// </summary>
internal sealed partial class StoreExceptionHandler(ILogger<StoreExceptionHandler> log) : IExceptionHandler
{
    /// <summary>Seconds a caller is asked to wait while the store is unreachable: the store's own retries took most of a request's budget.</summary>
    public const int UnavailableRetryAfterSeconds = 5;

    /// <summary>Seconds a caller is asked to wait when other writers kept moving the stream: contention passes quickly.</summary>
    public const int ContendedRetryAfterSeconds = 1;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case StoreUnavailableException unavailable:
                    LogUnavailable(unavailable.Node, unavailable.Reason, httpContext.Request.Path);
                    await WriteAsync(httpContext, UnavailableRetryAfterSeconds, "Store unavailable",
                        "The event store does not answer; retry after the Retry-After seconds (a command with the same Idempotency-Key).");
                    return true;
                case StreamContendedException contended:
                    await WriteAsync(httpContext, ContendedRetryAfterSeconds, ProblemStatus.Of(ProblemKind.Contended).Title, contended.Message);
                    return true;
            }
        }

        return false;
    }

    private static async Task WriteAsync(HttpContext http, int retryAfter, string title, string detail)
    {
        http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        await Problems.Write(http, StatusCodes.Status503ServiceUnavailable, title, detail);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The event store at {Node} is unavailable ({Reason}); answered {Path} with 503")]
    private partial void LogUnavailable(string node, string reason, string path);
}
