namespace Compliance.Application.UseCases;

/// <summary>
/// Who asks for a command and how it may be retried: the actor recorded with the events (an API key's name,
/// <c>cli:user</c>), the idempotency key (a retry with the same key and request gets the same answer and records
/// nothing again) and, optionally, the revision the caller expects the command's stream to be at.
/// </summary>
public sealed record CommandCall(string Actor, string IdempotencyKey, Precondition? Expected = null);

/// <summary>What the caller expects of the command's stream: that it exists, or that it is at one of these revisions (HTTP If-Match).</summary>
public sealed record Precondition(bool MustExist, IReadOnlyList<long> Revisions)
{
    public static Precondition Exists { get; } = new(true, []);

    public static Precondition AtOneOf(IReadOnlyList<long> revisions) => new(false, revisions);

    /// <summary>Null when <paramref name="current"/> (null: no stream) meets it, else why not.</summary>
    public string? Problem(string stream, long? current)
    {
        if (MustExist) return current is null ? $"If-Match: * but stream '{stream}' does not exist yet" : null;
        if (current is { } c && Revisions.Contains(c)) return null;
        var expected = string.Join(", ", Revisions.Select(r => $"\"{r.ToString(System.Globalization.CultureInfo.InvariantCulture)}\""));
        return $"stream '{stream}' is at revision {(current?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none")}, If-Match expected {expected}";
    }
}
