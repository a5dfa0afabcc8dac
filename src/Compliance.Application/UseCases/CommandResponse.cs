namespace Compliance.Application.UseCases;

/// <summary>
/// What a command did: the stream it was decided on, that stream's revision afterwards (also the ETag), the global
/// positions of the events appended, and whether anything was appended (false: it was already so).
/// </summary>
public sealed record CommandResponse(string Stream, long? Revision, IReadOnlyList<long> Positions, bool Changed);

/// <summary>
/// A command's answer: the response, or the problem (with the stream's current revision when a precondition failed).
/// Replayed: the answer is the one stored for an earlier call with the same idempotency key and request.
/// </summary>
public sealed record CommandResult(CommandResponse? Response, Problem? Problem, bool Replayed = false, long? CurrentRevision = null);
