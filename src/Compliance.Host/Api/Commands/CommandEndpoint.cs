using System.Globalization;
using System.Text;
using System.Text.Json;
using Compliance.Application.UseCases;
using Compliance.Host.Api.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Compliance.Host.Api.Commands;

/// <summary>
/// The HTTP side of every POST: the Idempotency-Key header, the body within the size limit and parsed as JSON (errors
/// naming the field), If-Match as the expected stream revision; then the use case, whose answer becomes the response
/// (ETag = the stream's revision, problem details for every refusal).
/// </summary>
internal sealed class CommandEndpoint(CommandService commands, IOptionsMonitor<ApiSettings> settings)
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public async Task<IResult> RunAsync<TRequest>(HttpContext http, Func<CommandService, TRequest, CommandCall, CancellationToken, Task<CommandResult>> useCase,
        CancellationToken ct)
        where TRequest : class
    {
        var key = http.Request.Headers[IdempotencyHeader].ToString();
        if (IdempotencyKeyProblem(key) is { } keyProblem) return Problems.Invalid(IdempotencyHeader, keyProblem);
        var body = await ReadAsync(http.Request, settings.CurrentValue.MaxRequestBodyBytes, ct);
        if (body is null) return Problems.Status(StatusCodes.Status413PayloadTooLarge, "Request too large", "The request body is larger than the API accepts.");
        var (request, parseErrors) = RequestJson.Parse<TRequest>(body, emptyIsObject: typeof(TRequest) == typeof(Application.UseCases.Requests.StartRequest)
            || typeof(TRequest) == typeof(Application.UseCases.Requests.ApproveExceptionRequest));
        if (parseErrors is not null) return Problems.Invalid(parseErrors);
        if (!TryPrecondition(http.Request, out var expected)) return Problems.Invalid("If-Match", $"'{http.Request.Headers.IfMatch}' is not a stream revision ETag such as \"3\"");

        var actor = http.User.Identity?.Name ?? throw new InvalidOperationException("commands run for an authenticated key only");
        var result = await useCase(commands, request!, new CommandCall(actor, key, expected), ct);
        return Write(http, result);
    }

    /// <summary>The answer as HTTP: 200 with the response and its ETag, or the problem's status.</summary>
    public static IResult Write(HttpContext http, CommandResult result)
    {
        if (result.Replayed) http.Response.Headers["Idempotent-Replayed"] = "true";
        if (result.Problem is not { } problem)
        {
            var response = result.Response!;
            if (response.Revision is { } r) http.Response.Headers.ETag = ETags.Of(r);
            return TypedResults.Text(JsonSerializer.Serialize(response, RequestJson.Options), "application/json", Encoding.UTF8, StatusCodes.Status200OK);
        }

        if (problem.Kind == ProblemKind.PreconditionFailed && result.CurrentRevision is { } current) http.Response.Headers.ETag = ETags.Of(current);
        if (problem.Kind == ProblemKind.Contended) http.Response.Headers.RetryAfter = StoreExceptionHandler.ContendedRetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        if (problem.Kind == ProblemKind.Invalid) return Problems.Invalid(new Dictionary<string, string[]>(problem.Errors));
        var (status, title) = ProblemStatus.Of(problem.Kind);
        if (problem.Kind != ProblemKind.Rejected) return Problems.Status(status, title, problem.Detail);
        // A rejection names the request it refused, as stored for retries.
        var details = new ProblemDetails { Status = status, Title = title, Detail = problem.Detail, Instance = http.Request.Path };
        return TypedResults.Text(JsonSerializer.Serialize(details, RequestJson.Options), Problems.ContentType, Encoding.UTF8, status);
    }

    /// <summary>No If-Match: no expectation; <c>*</c>: the stream must exist; otherwise a list of revision ETags.</summary>
    private static bool TryPrecondition(HttpRequest request, out Precondition? expected)
    {
        expected = null;
        var header = request.Headers.IfMatch.ToString();
        if (header.Length == 0) return true;
        if (header.Trim() == "*")
        {
            expected = Precondition.Exists;
            return true;
        }

        var revisions = header.Split(',').Select(ETags.Parse).ToList();
        if (revisions.Any(r => r is null)) return false;
        expected = Precondition.AtOneOf([.. revisions.Select(r => r!.Value)]);
        return true;
    }

    private static string? IdempotencyKeyProblem(string key) =>
        key.Length == 0 ? $"the {IdempotencyHeader} header is required on every POST (any unique string, e.g. a UUID)"
        : key.Length > 200 || key.Any(c => c < 0x21 || c > 0x7e) ? $"{IdempotencyHeader} must be 1-200 visible ASCII characters"
        : null;

    /// <summary>The body's bytes, or null when it is larger than <paramref name="limit"/>.</summary>
    private static async Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        if (request.ContentLength > limit) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit) return null;
        }

        return buffer.ToArray();
    }
}
