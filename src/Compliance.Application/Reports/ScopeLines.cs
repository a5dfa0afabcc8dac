using System.Globalization;
using Compliance.Domain.Events;
using Compliance.Domain.Policies;
using Compliance.Domain.Verdicts;

namespace Compliance.Application.Reports;

/// <summary>What a cluster's own streams say about its scope: the policy in force at the end of the period, how often it changed in the period, and the events that registered it and set that policy.</summary>
internal sealed record ClusterScope(MaintenancePolicy Policy, int PolicyChanges, Citation? Registered, Citation? PolicySet)
{
    public static ClusterScope Of(ClusterHistory history, ReportRequest request, ActorIndex actors)
    {
        var end = request.PeriodEnd;
        var policy = history.Policies.LastOrDefault(p => p.At <= end);
        return new ClusterScope(
            policy?.Policy ?? MaintenancePolicy.Default,
            history.Policies.Count(p => p.At >= request.PeriodStart && p.At <= end),
            history.Registration is { } r ? actors.Cite("registered", r.Evidence) : null,
            policy is null ? null : actors.Cite("policy set", policy.Evidence));
    }
}

/// <summary>The scope page's rows: each cluster with the label of its policy, and each distinct policy with its settings beside the default.</summary>
internal static class ScopeLines
{
    public static (List<ClusterLine> Clusters, List<PolicyLine> Policies) Of(IReadOnlyDictionary<string, ClusterScope> scopes, IEnumerable<ClusterRegistered> registrations)
    {
        var registered = registrations.ToList();
        var policyOf = registered.ToDictionary(r => r.ClusterId, r => scopes.TryGetValue(r.ClusterId, out var s) ? s.Policy : MaintenancePolicy.Default, StringComparer.Ordinal);
        var distinct = policyOf.Values.Distinct()
            .Select(p => (Policy: p, Clusters: policyOf.Values.Count(x => x == p), First: policyOf.First(kv => kv.Value == p).Key))
            .OrderByDescending(p => p.Policy == MaintenancePolicy.Default).ThenByDescending(p => p.Clusters).ThenBy(p => p.First, StringComparer.Ordinal)
            .ToList();
        var labels = new Dictionary<MaintenancePolicy, string>();
        var policies = new List<PolicyLine>();
        var n = 0;
        foreach (var (policy, clusters, _) in distinct)
        {
            var label = policy == MaintenancePolicy.Default ? PolicyLine.DefaultLabel : string.Create(CultureInfo.InvariantCulture, $"P{++n}");
            labels[policy] = label;
            policies.Add(new PolicyLine(label, policy, Settings(policy), clusters));
        }

        var lines = registered.Select(r =>
        {
            scopes.TryGetValue(r.ClusterId, out var s);
            return new ClusterLine(r.ClusterId, r.DisplayName, r.Environment.ToString().ToLowerInvariant(), r.OwnerTeam, r.Flavour.ToString(), r.StagingClusterId,
                labels[policyOf[r.ClusterId]], s?.PolicyChanges ?? 0, s?.Registered, s?.PolicySet);
        }).ToList();
        return (lines, policies);
    }

    /// <summary>Every setting of a policy spelt out beside the default's.</summary>
    public static List<PolicySetting> Settings(MaintenancePolicy p)
    {
        var d = MaintenancePolicy.Default;
        return
        [
            new("window schedule (cron)", p.Schedule.Cron, d.Schedule.Cron),
            new("window duration", Duration(p.Schedule.Duration), Duration(d.Schedule.Duration)),
            new("time zone", p.Schedule.TimeZone, d.Schedule.TimeZone),
            new("window cadence", Days(p.WindowCadenceDays), Days(d.WindowCadenceDays)),
            new("critical patch SLA", Duration(p.Sla.Critical), Duration(d.Sla.Critical)),
            new("other patch SLA", Duration(p.Sla.Other), Duration(d.Sla.Other)),
            new("notice of major changes", Days(p.NoticeDays), Days(d.NoticeDays)),
            new("Kubernetes minor is major", p.KubernetesMinorIsMajor ? "yes" : "no", d.KubernetesMinorIsMajor ? "yes" : "no"),
            new("staging soak", Days(p.StagingSoakDays), Days(d.StagingSoakDays)),
            new("retrospective within", Days(p.RetrospectiveDays), Days(d.RetrospectiveDays)),
            new("EOL high within", Days(p.Eol.HighDays), Days(d.Eol.HighDays)),
            new("EOL medium within", Days(p.Eol.MediumDays), Days(d.Eol.MediumDays)),
            new("extended support", Extended(p.ExtendedSupport), Extended(d.ExtendedSupport)),
        ];
    }

    private static string Extended(bool? counted) => counted switch
    {
        true => "counted",
        false => "not counted",
        null => "counted for amazon-eks only (automatic there)",
    };

    private static string Days(int days) => string.Create(CultureInfo.InvariantCulture, $"{days} days");

    private static string Duration(TimeSpan span) =>
        span.TotalHours <= 72 || span.TotalHours % 24 != 0
            ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0.#} hours")
            : string.Create(CultureInfo.InvariantCulture, $"{span.TotalDays:0.#} days");
}
