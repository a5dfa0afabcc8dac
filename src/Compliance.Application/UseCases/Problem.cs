namespace Compliance.Application.UseCases;

/// <summary>Why a use case did not do what was asked; each caller maps it to its own form (HTTP status, CLI exit code).</summary>
public enum ProblemKind
{
    /// <summary>The input is wrong; <see cref="Problem.Errors"/> names each field.</summary>
    Invalid,

    /// <summary>What the input names does not exist.</summary>
    NotFound,

    /// <summary>The decider refused the command (a business rule).</summary>
    Rejected,

    /// <summary>The stream is not at the revision the caller expected.</summary>
    PreconditionFailed,

    /// <summary>The idempotency key was used before for a different request.</summary>
    KeyReused,

    /// <summary>Other writers kept changing the stream and nothing was written: the same request a little later is decided again.</summary>
    Contended,
}

/// <summary>A use case's refusal: its kind, one sentence, and for invalid input the errors by field (named as the JSON body names them).</summary>
public sealed record Problem(ProblemKind Kind, string Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    public static Problem Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(ProblemKind.Invalid, "One or more inputs are not valid; see errors.", errors);

    public static Problem Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static Problem NotFound(string detail) => new(ProblemKind.NotFound, detail, NoErrors);

    public static Problem Rejected(string detail) => new(ProblemKind.Rejected, detail, NoErrors);

    public static Problem PreconditionFailed(string detail) => new(ProblemKind.PreconditionFailed, detail, NoErrors);

    public static Problem KeyReused(string detail) => new(ProblemKind.KeyReused, detail, NoErrors);

    public static Problem Contended(string detail) => new(ProblemKind.Contended, detail, NoErrors);

    /// <summary>One line naming every field: "field: message; other: message", or the detail when no field is named.</summary>
    public string Describe() =>
        Errors.Count == 0 ? Detail : string.Join("; ", Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"));
}

/// <summary>A query's answer: the value, or the problem that stopped it.</summary>
public sealed record Answer<T>(T? Value, Problem? Problem) where T : class
{
    public static implicit operator Answer<T>(T value) => new(value, null);

    public static implicit operator Answer<T>(Problem problem) => new(null, problem);
}
