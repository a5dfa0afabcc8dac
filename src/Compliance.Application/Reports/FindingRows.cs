using Compliance.Domain.Verdicts;

namespace Compliance.Application.Reports;

/// <summary>
/// A finding as the report states it: the cluster's owner team answers for it, <see cref="DueAt"/> is set where a due-date
/// rule exists (EOL components, patches), and <see cref="Exception"/> carries the exception that accepts it.
/// <see cref="Kind"/> is a stable key (<see cref="FindingKinds"/>), the key the control table maps to its controls.
/// </summary>
public sealed record FindingRow(
    string ClusterId, string Kind, string Subject, string Detail, DateTimeOffset RaisedAt, DateTimeOffset? DueAt, DateTimeOffset? ResolvedAt,
    string Owner, IReadOnlyList<Citation> Evidence, FindingException? Exception = null)
{
    public bool Open => ResolvedAt is null;

    public bool IsOpenAt(DateTimeOffset at) => RaisedAt <= at && (ResolvedAt is null || ResolvedAt > at);

    /// <summary>Open past its due date at <paramref name="at"/>: overdue since <see cref="DueAt"/>.</summary>
    public bool IsOverdueAt(DateTimeOffset at) => IsOpenAt(at) && DueAt is { } due && due < at;

    /// <summary>From when it was raised to its resolution, or to <paramref name="at"/> while open.</summary>
    public TimeSpan AgeAt(DateTimeOffset at) => (ResolvedAt is { } r && r < at ? r : at) - RaisedAt;

    public bool IsDrain => FindingKinds.IsDrain(Kind);
}

/// <summary>A risk acceptance of a finding (the domain's exceptions): requested, approved by a different admin, until an expiry.</summary>
public sealed record FindingException(string State, string Reason, DateOnly Expires, IReadOnlyList<Citation> Evidence);

/// <summary>
/// The stable finding-kind keys: the domain's <see cref="FindingKind"/> in kebab case (<c>missed-window</c>), the keys
/// the control table maps. Every finding the report states is the domain's (the API's and the CLI's findings too).
/// </summary>
public static class FindingKinds
{
    /// <summary><see cref="FindingKind.EolComponent"/>'s key (a constant, for switches).</summary>
    public const string EolComponent = "eol-component";

    /// <summary><see cref="FindingKind.PatchOverdue"/>'s key.</summary>
    public const string PatchOverdue = "patch-overdue";

    /// <summary>Every kind the report can state, in the order the summary lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<FindingKind>().Select(Key)];

    public static string Key(FindingKind kind)
    {
        var name = kind.ToString();
        var key = new System.Text.StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && key.Length > 0) key.Append('-');
            key.Append(char.ToLowerInvariant(c));
        }

        return key.ToString();
    }

    /// <summary>"missed-window" as "missed window".</summary>
    public static string Title(string key) => key.Replace('-', ' ');

    public static bool IsDrain(string key) => DrainKeys.Contains(key);

    /// <summary>A finding about a row of the EOL or patch section (an EOL production component, a patch past its SLA) rather than a process check.</summary>
    public static bool IsDerived(string key) => key is EolComponent or PatchOverdue;

    private static readonly HashSet<string> DrainKeys = [.. Enum.GetValues<FindingKind>().Where(k => k is >= FindingKind.SingleReplica and <= FindingKind.InsufficientSpareCapacity).Select(Key)];
}
