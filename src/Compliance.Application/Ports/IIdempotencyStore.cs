using Compliance.Application.UseCases;

namespace Compliance.Application.Ports;

/// <summary>
/// The answers given to commands, per (actor, idempotency key), with the hash of the request they answered, so that a
/// retry gets the same answer and a reused key with another request is refused. Answers are only added.
/// </summary>
public interface IIdempotencyStore
{
    Task<StoredAnswer?> FindAsync(string actor, string idempotencyKey, CancellationToken ct);

    /// <summary>Keeps the answer; when another writer stored one first for the same key, that one stays.</summary>
    Task SaveAsync(string actor, string idempotencyKey, StoredAnswer answer, DateTimeOffset at, CancellationToken ct);
}

/// <summary>A command's answer as kept for retries: the request's hash, then the response or the decider's rejection.</summary>
public sealed record StoredAnswer(string RequestHash, CommandResponse? Response, string? Rejection);
