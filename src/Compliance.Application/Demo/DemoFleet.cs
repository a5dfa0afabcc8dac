using Compliance.Domain.Catalog;

namespace Compliance.Application.Demo;

/// <summary>
/// A simulated fleet for <c>compliance demo</c>: five staging/production pairs (upstream Kubernetes on Ubuntu, EKS on
/// Bottlerocket, GKE on COS) over the 18 months ending today, with windows, patches, drains, an emergency patch and the
/// deliberate lapses that <see cref="Scenarios"/> lists. Deterministic: the same catalog, today and seed give the same
/// steps (no clock, no random ids; <see cref="System.Random"/> seeded per cluster only sets drain times).
/// </summary>
public static class DemoFleet
{
    /// <summary>Which cluster shows which scenario (what the demo prints before its tables).</summary>
    public static IReadOnlyList<string> Scenarios { get; } =
    [
        "every cluster: monthly windows (staging on the 1st at 00:00, production on the 8th at 03:00, 4 hours), each with a contingency plan, announcement and retrospective unless noted",
        "data-prod: one window scheduled and announced but never held (missed window), so its patches that month are applied late",
        "data-staging: one window scheduled without a contingency plan",
        "web-staging: one window without a retrospective",
        "shop-staging: its first Kubernetes minor upgrade announced only 12 days ahead (short notice)",
        "shop-staging: cert-manager upgraded by hand between windows (unrecorded change)",
        "payments-prod: took a Kubernetes minor a month before payments-staging ran it (staging skipped)",
        "web-prod, payments-prod (and every other cluster on the affected cycle): emergency patch for a DEMO critical CVE fixed in a real Kubernetes patch; counted from the end of its release day (the catalog knows the day only): staging in 6 hours, production in 30 hours, payments-prod in about 80 hours (SLA 72 hours breached)",
        "billing-prod: control plane held on the newest Kubernetes cycle past its end of life; the later patches of that cycle are never applied (open past SLA)",
        "shop-prod: control plane held on the EKS cycle whose end of standard support is within 30 days (or in extended support): high risk",
        "Ubuntu nodes (web, payments, billing): an LTS release past standard support: medium risk; containerd, cert-manager, cilium and fluent-bit move to new cycles before EOL: low risk",
        "data-staging/data-prod: Container-Optimized OS nodes whose osImage carries no version: unknown (their kernels too: COS maintains them); Bottlerocket is not in the catalog: unknown",
        "Ubuntu nodes' kernels (5.15.0-NNN-generic) are judged by the Ubuntu release that maintains them, not as upstream Linux 5.15",
        "ingress-nginx: the shipped catalog lacks it; an operator records its cycles and its retirement (best-effort maintenance ended March 2026) as catalog facts, so every cluster's controller is past its end of life",
        "web-prod: an exception accepts its ingress-nginx risk (requested by ops:alice, approved by admin:grace, until 90 days after today): shown as accepted",
        "billing-prod: an exception accepted its PDB drain risk for three months and expired 30 days ago: the finding is open again",
        "windows whose drains hit open risks complete as partially succeeded, with the reason: findings of their own, half a window each in the score",
        "drain risks: a single-replica workload on payments-prod (resolved after 7 months), a PDB allowing no disruption on billing-prod and a 600 s grace period on data-prod (both open), replicas without spread on shop-prod and on one node on web-prod (resolved)",
    ];

    /// <summary>The steps of the fleet's history, ordered by time (catalog facts first at equal instants).</summary>
    public static IReadOnlyList<DemoStep> Generate(ReleaseCatalog catalog, DateOnly today, int seed)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var lookup = new CatalogLookup(catalog);
        var end = CatalogLookup.Start(today);
        var start = CatalogLookup.Start(today.AddMonths(-18));
        var plan = ScenarioPlan.Compute(lookup, today, start, end);
        var fleet = FleetLayout.Build(new Random(seed));
        var first = new FleetSimulation(lookup, plan, fleet, seed, Incidents.None).Run();
        var incidents = Incidents.Choose(first, lookup, plan, seed);
        var run = new FleetSimulation(lookup, plan, fleet, seed, incidents).Run();
        var facts = CatalogFacts.Steps(lookup, run.Timelines.Values, incidents.Critical, start, end);
        var decisions = DemoExceptions.Steps(run.Timelines, start, end);
        return [.. facts.Concat(run.Steps).Concat(decisions).Where(s => s.At <= end).OrderBy(s => s.At)];
    }
}
