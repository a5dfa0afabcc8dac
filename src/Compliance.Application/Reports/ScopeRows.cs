using Compliance.Domain.Policies;

namespace Compliance.Application.Reports;

/// <summary>
/// A cluster in scope as registered by as-of: owner team, flavour, environment, staging pair, the label of the policy
/// in force at the end of the period (<see cref="PolicyLine.Label"/>), and the ledger events that say so.
/// </summary>
public sealed record ClusterLine(
    string ClusterId, string Name, string Environment, string Owner, string Flavour, string? Staging,
    string PolicyLabel, int PolicyChangesInPeriod, Citation? Registered, Citation? PolicySet);

/// <summary>One maintenance policy in force at the end of the period, every setting beside the default, and how many clusters in scope run under it.</summary>
public sealed record PolicyLine(string Label, MaintenancePolicy Policy, IReadOnlyList<PolicySetting> Settings, int Clusters)
{
    public IEnumerable<PolicySetting> Overrides => Settings.Where(s => s.Overridden);

    public const string DefaultLabel = "default";
}

public sealed record PolicySetting(string Name, string Value, string Default)
{
    public bool Overridden => !string.Equals(Value, Default, StringComparison.Ordinal);
}
