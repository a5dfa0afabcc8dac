using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Compliance.Application.Handling;
using Compliance.Application.Ports;
using Compliance.Application.Queries;
using Compliance.Application.Store;
using Compliance.Domain.Commands;
using Compliance.Domain.Deciders;
using FluentValidation;

namespace Compliance.Application.UseCases;

/// <summary>
/// The one path of every command, whoever calls it: a stored answer for a repeated idempotency key, route ids and
/// FluentValidation errors naming each field, the use case's checks against the ledger (what the request refers to must
/// exist as it says), the cluster must exist, the caller's expected revision, then the command handler (actor from the
/// call, now from the TimeProvider) and the answer stored for the key (a stream other writers kept moving is a
/// <see cref="ProblemKind.Contended"/> answer, not stored). Nothing reaches the ledger unless every check before the
/// handler passed. Commands run one at a time, so the revision check and the
/// append see the same stream.
/// </summary>
internal sealed class CommandPipeline(
    CommandHandler handler,
    IEventReader ledger,
    IIdempotencyStore answers,
    IServiceProvider validators,
    TimeProvider time)
{
    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    public Task<CommandResult> RunAsync<TRequest>(string useCase, RouteIds ids, TRequest request, CommandCall call,
        Func<TRequest, string, DateTimeOffset, Command> map, CancellationToken ct)
        where TRequest : class =>
        RunAsync(useCase, ids, request, call, map, null, ct);

    /// <param name="references">Checks of what the validated request refers to, against the ledger (null: none).</param>
    public async Task<CommandResult> RunAsync<TRequest>(string useCase, RouteIds ids, TRequest request, CommandCall call,
        Func<TRequest, string, DateTimeOffset, Command> map, Func<TRequest, CancellationToken, Task<Problem?>>? references, CancellationToken ct)
        where TRequest : class
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(call);
        var hash = Hash(useCase, ids, request);
        if (await ReplayAsync(call, hash, ct) is { } replayed) return replayed;

        var errors = ids.Problems();
        var validator = (IValidator<TRequest>)(validators.GetService(typeof(IValidator<TRequest>))
            ?? throw new InvalidOperationException($"no validator is registered for {typeof(TRequest).Name}"));
        foreach (var failure in (await validator.ValidateAsync(request, ct)).Errors)
            Add(errors, FieldName(failure.PropertyName), failure.ErrorMessage);
        if (errors.Count > 0) return new CommandResult(null, Problem.Invalid(errors));
        if (references is not null && await references(request, ct) is { } unknown) return new CommandResult(null, unknown);

        await oneAtATime.WaitAsync(ct);
        try
        {
            if (await ReplayAsync(call, hash, ct) is { } raced) return raced;
            var command = map(request, call.Actor, time.GetUtcNow());
            // A cluster's command needs the cluster; registering one, or recording a catalog fact, names none.
            if (ids.ClusterId is not null && command is not RegisterCluster && await StreamRevisions.LastAsync(ledger, Streams.Cluster(ids.ClusterId), ct) is null)
                return new CommandResult(null, Problem.NotFound($"cluster '{ids.ClusterId}' is not registered"));
            var stream = Streams.For(command);
            var current = await StreamRevisions.LastAsync(ledger, stream, ct);
            if (call.Expected?.Problem(stream, current) is { } precondition)
                return new CommandResult(null, Problem.PreconditionFailed(precondition), CurrentRevision: current);

            CommandOutcome outcome;
            try
            {
                outcome = await handler.HandleAsync(command, SourceId(call), ct);
            }
            catch (StreamContendedException e)
            {
                // Not stored for the key: the same request again is decided again.
                return new CommandResult(null, Problem.Contended($"{e.Message} Retry the request with the same Idempotency-Key."));
            }

            var answer = outcome.Rejection is { } reason
                ? new StoredAnswer(hash, null, reason)
                : new StoredAnswer(hash, new CommandResponse(outcome.Stream, outcome.Revision, outcome.Positions, outcome.Changed), null);
            await answers.SaveAsync(call.Actor, call.IdempotencyKey, answer, time.GetUtcNow(), ct);
            return Result(answer, replayed: false);
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    private async Task<CommandResult?> ReplayAsync(CommandCall call, string hash, CancellationToken ct)
    {
        if (await answers.FindAsync(call.Actor, call.IdempotencyKey, ct) is not { } stored) return null;
        return stored.RequestHash == hash
            ? Result(stored, replayed: true)
            : new CommandResult(null, Problem.KeyReused(
                $"Idempotency-Key '{call.IdempotencyKey}' was already used with a different request; use a new key for a new request."));
    }

    private static CommandResult Result(StoredAnswer answer, bool replayed) =>
        answer.Rejection is { } reason ? new CommandResult(null, Problem.Rejected(reason), replayed) : new CommandResult(answer.Response, null, replayed);

    /// <summary>The request as the use case sees it: its name, the route's ids and the request's canonical JSON.</summary>
    private static string Hash<TRequest>(string useCase, RouteIds ids, TRequest request)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{useCase}\n{ids.Key}\n"));
        sha.AppendData(JsonSerializer.SerializeToUtf8Bytes(request, RequestJson.Options));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Events derive their ids from the actor and the idempotency key, so even a lost answer cannot append twice.</summary>
    private static Guid SourceId(CommandCall call) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"api\n{call.Actor}\n{call.IdempotencyKey}")).AsSpan(0, 16));

    /// <summary>"PlannedChanges[0].ToVersion" becomes "plannedChanges[0].toVersion", the names the JSON body uses.</summary>
    internal static string FieldName(string property) =>
        string.Join('.', property.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));

    internal static void Add(Dictionary<string, string[]> errors, string field, string message) =>
        errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
}
