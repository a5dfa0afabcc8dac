using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Compliance.Application.Handling;
using Compliance.Application.Store;
using Compliance.Domain.Commands;
using Compliance.Domain.Deciders;
using Compliance.Host.Serve;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Compliance.Host.Api.Commands;

/// <summary>
/// The one path of every POST: Idempotency-Key, body within the size limit, a stored answer for a repeated key, JSON and
/// FluentValidation errors as problem details, the cluster must exist, If-Match against the stream's revision, then the
/// command handler (actor = the API key's name, now = the TimeProvider) and the answer stored for the key. Nothing reaches
/// the ledger unless every check before the handler passed. Commands are handled one at a time, so the If-Match check
/// and the append see the same stream.
/// </summary>
internal sealed class CommandPipeline(
    CommandHandler handler,
    IEventStore store,
    IdempotencyStore idempotency,
    IServiceProvider services,
    TimeProvider time,
    IOptionsMonitor<ApiSettings> settings)
{
    public const string IdempotencyHeader = "Idempotency-Key";
    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    /// <summary>Runs a command built from the body <typeparamref name="TRequest"/> and the route's ids.</summary>
    public async Task<IResult> RunAsync<TRequest>(HttpContext http, RouteIds ids, Func<TRequest, string, DateTimeOffset, Command> map, CancellationToken ct)
        where TRequest : class
    {
        var key = http.Request.Headers[IdempotencyHeader].ToString();
        if (IdempotencyKeyProblem(key) is { } keyProblem) return Problems.Invalid(IdempotencyHeader, keyProblem);
        var body = await RequestBody.ReadAsync(http.Request, settings.CurrentValue.MaxRequestBodyBytes, ct);
        if (body is null) return TooLarge();

        var actor = http.User.Identity?.Name ?? throw new InvalidOperationException("commands run for an authenticated key only");
        var hash = Hash(http.Request, body);
        if (await ReplayAsync(actor, key, hash, http, ct) is { } replayed) return replayed;

        var errors = ids.Problems();
        var (request, parseErrors) = RequestBody.Parse<TRequest>(body, emptyIsObject: typeof(TRequest) == typeof(Requests.StartRequest));
        if (parseErrors is not null) return Problems.Invalid(Merge(errors, parseErrors));
        var validation = await services.GetRequiredService<IValidator<TRequest>>().ValidateAsync(request!, ct);
        foreach (var failure in validation.Errors) Add(errors, FieldName(failure.PropertyName), failure.ErrorMessage);
        if (errors.Count > 0) return Problems.Invalid(errors);

        await oneAtATime.WaitAsync(ct);
        try
        {
            if (await ReplayAsync(actor, key, hash, http, ct) is { } raced) return raced;
            var command = map(request!, actor, time.GetUtcNow());
            if (command is not RegisterCluster && !await ExistsAsync(Streams.Cluster(ids.ClusterId!), ct))
                return Problems.NotFound($"cluster '{ids.ClusterId}' is not registered");
            var stream = Streams.For(command);
            var current = await RevisionAsync(stream, ct);
            if (IfMatchProblem(http.Request, stream, current) is { } precondition)
            {
                if (current is { } c) http.Response.Headers.ETag = ETags.Of(c);
                return precondition;
            }

            var outcome = await handler.HandleAsync(command, SourceId(actor, key), ct);
            var answer = Answer(outcome, hash, http.Request.Path);
            await idempotency.SaveAsync(actor, key, answer, time.GetUtcNow(), ct);
            return Write(http, answer, replayed: false);
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    private async Task<IResult?> ReplayAsync(string actor, string key, string hash, HttpContext http, CancellationToken ct)
    {
        if (await idempotency.FindAsync(actor, key, ct) is not { } stored) return null;
        return stored.RequestHash == hash
            ? Write(http, stored, replayed: true)
            : Problems.Status(StatusCodes.Status422UnprocessableEntity, "Idempotency key reused",
                $"{IdempotencyHeader} '{key}' was already used with a different request; use a new key for a new request.");
    }

    private static StoredAnswer Answer(CommandOutcome outcome, string hash, string path)
    {
        if (outcome.Rejection is { } reason)
        {
            var problem = new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Command rejected", Detail = reason, Instance = path };
            return new StoredAnswer(hash, problem.Status.Value, Problems.ContentType, JsonSerializer.Serialize(problem, RequestBody.Json), null);
        }

        var response = new CommandResponse(outcome.Stream, outcome.Revision, outcome.Positions, outcome.Changed);
        return new StoredAnswer(hash, StatusCodes.Status200OK, "application/json", JsonSerializer.Serialize(response, RequestBody.Json),
            outcome.Revision is { } r ? ETags.Of(r) : null);
    }

    private static IResult Write(HttpContext http, StoredAnswer answer, bool replayed)
    {
        if (answer.ETag is not null) http.Response.Headers.ETag = answer.ETag;
        if (replayed) http.Response.Headers["Idempotent-Replayed"] = "true";
        return TypedResults.Text(answer.Body, answer.ContentType, Encoding.UTF8, answer.Status);
    }

    private static IResult? IfMatchProblem(HttpRequest request, string stream, long? current)
    {
        var header = request.Headers.IfMatch.ToString();
        if (header.Length == 0) return null;
        if (header.Trim() == "*")
        {
            return current is null
                ? Problems.Status(StatusCodes.Status412PreconditionFailed, "Precondition failed", $"If-Match: * but stream '{stream}' does not exist yet")
                : null;
        }

        var expected = header.Split(',').Select(ETags.Parse).ToList();
        if (expected.Any(e => e is null)) return Problems.Invalid("If-Match", $"'{header}' is not a stream revision ETag such as \"3\"");
        return current is { } c && expected.Contains(c)
            ? null
            : Problems.Status(StatusCodes.Status412PreconditionFailed, "Precondition failed",
                $"stream '{stream}' is at revision {(current?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none")}, If-Match expected {header}");
    }

    private async Task<long?> RevisionAsync(string stream, CancellationToken ct)
    {
        await foreach (var last in store.ReadStreamAsync(stream, Application.Store.Direction.Backwards, long.MaxValue, 1, ct)) return last.Revision;
        return null;
    }

    private async Task<bool> ExistsAsync(string stream, CancellationToken ct) => await RevisionAsync(stream, ct) is not null;

    private static string? IdempotencyKeyProblem(string key) =>
        key.Length == 0 ? $"the {IdempotencyHeader} header is required on every POST (any unique string, e.g. a UUID)"
        : key.Length > 200 || key.Any(c => c < 0x21 || c > 0x7e) ? $"{IdempotencyHeader} must be 1-200 visible ASCII characters"
        : null;

    private static IResult TooLarge() => Problems.Status(StatusCodes.Status413PayloadTooLarge, "Request too large", "The request body is larger than the API accepts.");

    private static string Hash(HttpRequest request, byte[] body)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n"));
        sha.AppendData(body);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Events derive their ids from the key's name and the Idempotency-Key, so even a lost answer cannot append twice.</summary>
    private static Guid SourceId(string actor, string key) => new(SHA256.HashData(Encoding.UTF8.GetBytes($"api\n{actor}\n{key}")).AsSpan(0, 16));

    /// <summary>"PlannedChanges[0].ToVersion" becomes "plannedChanges[0].toVersion", the names the JSON body uses.</summary>
    internal static string FieldName(string property) =>
        string.Join('.', property.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));

    private static Dictionary<string, string[]> Merge(Dictionary<string, string[]> into, Dictionary<string, string[]> more)
    {
        foreach (var (field, messages) in more) foreach (var m in messages) Add(into, field, m);
        return into;
    }

    private static void Add(Dictionary<string, string[]> errors, string field, string message) =>
        errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
}
