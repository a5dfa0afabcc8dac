using Compliance.Domain.Verdicts;

namespace Compliance.Application.Reports;

/// <summary>
/// A finding as the report states it: the cluster's owner team answers for it, <see cref="DueAt"/> is set where a due-date
/// rule exists (EOL components, patches), and <see cref="Exception"/> carries a recorded risk acceptance once
/// the ledger can hold one. <see cref="Kind"/> is a stable key (<see cref="FindingKinds"/>), the key the control
/// table maps to its controls.
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

/// <summary>
/// A risk acceptance of a finding (the domain's exceptions): requested, approved by a different admin, until an expiry.
/// Nothing records one yet; the report's columns and the export are ready for it.
/// </summary>
public sealed record FindingException(string State, string Reason, DateOnly Expires, IReadOnlyList<Citation> Evidence);

/// <summary>
/// The stable finding-kind keys: the domain's <see cref="FindingKind"/> in kebab case (<c>missed-window</c>), plus the
/// kinds the report raises itself from its EOL and patch rows (a production component at eol or high, and a
/// patch open past its SLA, are open findings) until the domain raises them.
/// </summary>
public static class FindingKinds
{
    public const string EolComponent = "eol-component";
    public const string HighRiskComponent = "high-risk-component";
    public const string PatchSlaBreach = "patch-sla-breach";

    /// <summary>Every kind the report can state, in the order the summary lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [EolComponent, HighRiskComponent, PatchSlaBreach, .. Enum.GetValues<FindingKind>().Select(Key)];

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

    /// <summary>Raised by the report from its own rows (shown in the EOL and patch sections) rather than by the process checks.</summary>
    public static bool IsDerived(string key) => key is EolComponent or HighRiskComponent or PatchSlaBreach;

    private static readonly HashSet<string> DrainKeys = [.. Enum.GetValues<FindingKind>().Where(k => k >= FindingKind.SingleReplica).Select(Key)];
}
