using Compliance.Domain.Commands;
using Compliance.Domain.Events;

namespace Compliance.Application.Demo;

/// <summary>A drain-readiness risk the watcher finds on a cluster, when it is found and resolved, and how it shows in drains.</summary>
internal sealed record DrainRisk(
    string ClusterId,
    string RiskId,
    DrainRiskKind Kind,
    string Subject,
    string Detail,
    int? GracePeriodSeconds,
    int FoundAfterDays,
    int? ResolvedAfterDays,
    DrainProblem? Problem,
    int NodeIndex)
{
    public DateTimeOffset FoundAt(DateTimeOffset start) => start.AddDays(FoundAfterDays).AddHours(9).AddMinutes(17);

    public DateTimeOffset? ResolvedAt(DateTimeOffset start) => ResolvedAfterDays is { } d ? start.AddDays(d).AddHours(15).AddMinutes(4) : null;

    public bool IsOpenAt(DateTimeOffset start, DateTimeOffset at) => FoundAt(start) <= at && (ResolvedAt(start) is not { } r || at < r);
}

/// <summary>The drain-readiness risks of the demo: some resolved later, some still open today.</summary>
internal static class DrainRisks
{
    public static readonly IReadOnlyList<DrainRisk> All =
    [
        new("payments-prod", "single-replica/payments/ledger-writer", DrainRiskKind.SingleReplica, "payments/ledger-writer",
            "Deployment payments/ledger-writer runs 1 replica: draining its node stops it", null, 10, 210, DrainProblem.SingleReplicaDowntime, 2),
        new("billing-prod", "pdb/billing/invoice-db", DrainRiskKind.PdbAllowsNoDisruption, "billing/invoice-db",
            "PodDisruptionBudget billing/invoice-db (minAvailable 3 of 3 replicas) allows 0 disruptions", null, 60, null, DrainProblem.PdbBlocked, 0),
        new("data-prod", "grace/streaming/kafka-broker", DrainRiskKind.LongGracePeriod, "streaming/kafka-broker",
            "StatefulSet streaming/kafka-broker has terminationGracePeriodSeconds 600", 600, 15, null, DrainProblem.GracePeriodExceeded, 1),
        new("shop-prod", "spread/shop/checkout-api", DrainRiskKind.NoSpreadOrAntiAffinity, "shop/checkout-api",
            "Deployment shop/checkout-api (3 replicas) has no topology spread constraint or pod anti-affinity", null, 20, 120, null, 0),
        new("web-prod", "one-node/web/frontend", DrainRiskKind.ReplicasOnOneNode, "web/frontend",
            "All 4 replicas of Deployment web/frontend run on one node", null, 40, 47, null, 0),
    ];

    public static IEnumerable<DrainRisk> Of(string clusterId) => All.Where(r => r.ClusterId == clusterId);

    /// <summary>The watcher's found and resolved observations of a cluster's risks, up to <paramref name="end"/>.</summary>
    public static IEnumerable<DemoStep> Steps(string clusterId, DateTimeOffset start, DateTimeOffset end)
    {
        foreach (var risk in Of(clusterId))
        {
            var found = risk.FoundAt(start);
            if (found > end) continue;
            var observation = new DrainRiskFound(clusterId, risk.RiskId, risk.Kind, risk.Subject, risk.Detail, risk.GracePeriodSeconds, found);
            yield return new DemoStep(found, new RecordObservation(observation, Actors.Watcher, found));
            if (risk.ResolvedAt(start) is { } resolved && resolved <= end)
            {
                yield return new DemoStep(resolved, new RecordObservation(new DrainRiskResolved(clusterId, risk.RiskId, resolved), Actors.Watcher, resolved));
            }
        }
    }
}

/// <summary>Who issues the demo's commands.</summary>
internal static class Actors
{
    public const string Watcher = "watcher:k8s";
    public const string Catalog = "catalog:endoflife.date";
    public const string CveFeed = "catalog:k8s-cve-feed";

    public static string Operator(ClusterSpec spec) => Operator(spec.Pair);

    /// <summary>The operator of a staging/production pair.</summary>
    public static string Operator(string pair) => pair switch
    {
        "web" => "ops:alice",
        "payments" => "ops:bob",
        "shop" => "ops:carol",
        "data" => "ops:dave",
        _ => "ops:erin",
    };
}
