namespace Compliance.Host.Api.Commands;

/// <summary>
/// What a command did: the stream it was decided on, that stream's revision afterwards (also the ETag), the global
/// positions of the events appended, and whether anything was appended (false: it was already so).
/// </summary>
public sealed record CommandResponse(string Stream, long? Revision, IReadOnlyList<long> Positions, bool Changed);
