using Compliance.Application.UseCases;
using Microsoft.AspNetCore.Http;

namespace Compliance.Host.Api;

/// <summary>The HTTP status and title of each kind of use-case problem: the API answers with them, the CLI prints them.</summary>
internal static class ProblemStatus
{
    public static (int Status, string Title) Of(ProblemKind kind) => kind switch
    {
        ProblemKind.Invalid => (StatusCodes.Status400BadRequest, "Invalid input"),
        ProblemKind.NotFound => (StatusCodes.Status404NotFound, "Not found"),
        ProblemKind.Rejected => (StatusCodes.Status409Conflict, "Command rejected"),
        ProblemKind.PreconditionFailed => (StatusCodes.Status412PreconditionFailed, "Precondition failed"),
        ProblemKind.KeyReused => (StatusCodes.Status422UnprocessableEntity, "Idempotency key reused"),
        ProblemKind.Contended => (StatusCodes.Status503ServiceUnavailable, "Stream busy"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown problem kind"),
    };

    /// <summary>"404 Not found: no cluster 'x' is registered", the line the CLI prints for a problem, local or from a server.</summary>
    public static string Line(Problem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var (status, title) = Of(problem.Kind);
        return $"{status} {title}: {problem.Describe()}";
    }
}
