namespace Compliance.Application.Reports;

public enum ScopeKind
{
    Fleet,
    Environment,
    Cluster,
}

/// <summary>What a report covers: the whole fleet, one environment (<c>environment:production</c>) or one cluster (<c>cluster:web-prod</c>).</summary>
public sealed record ReportScope(ScopeKind Kind, string Name)
{
    public static ReportScope Fleet { get; } = new(ScopeKind.Fleet, "");

    /// <summary>Reads <c>fleet</c>, <c>environment:NAME</c> or <c>cluster:ID</c>; null with a reason otherwise.</summary>
    public static ReportScope? TryParse(string? text, out string? problem)
    {
        problem = null;
        var value = text?.Trim() ?? "";
        if (value.Equals("fleet", StringComparison.OrdinalIgnoreCase)) return Fleet;
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && colon < value.Length - 1)
        {
            var name = value[(colon + 1)..];
            switch (value[..colon].ToLowerInvariant())
            {
                case "environment": return new ReportScope(ScopeKind.Environment, name.ToLowerInvariant());
                case "cluster": return new ReportScope(ScopeKind.Cluster, name);
            }
        }

        problem = $"'{text}' is not a scope (use fleet, environment:NAME or cluster:ID)";
        return null;
    }

    /// <summary>The scope as written on the command line and stored in <c>ReportIssued</c>.</summary>
    public override string ToString() => Kind switch
    {
        ScopeKind.Fleet => "fleet",
        ScopeKind.Environment => $"environment:{Name}",
        _ => $"cluster:{Name}",
    };

    /// <summary>A file-name-safe spelling: <c>fleet</c>, <c>environment-production</c>, <c>cluster-web-prod</c>.</summary>
    public string Slug => new([.. ToString().Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-')]);

    /// <summary>How the cover names it.</summary>
    public string Title => Kind switch
    {
        ScopeKind.Fleet => "Whole fleet",
        ScopeKind.Environment => $"Environment {Name}",
        _ => $"Cluster {Name}",
    };
}
