using Compliance.Domain.Commands;
using Compliance.Domain.Events;
using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;

namespace Compliance.Application.Demo;

/// <summary>
/// The demo's risk decisions: ingress-nginx's retirement recorded as a catalog fact by an operator (the shipped catalog
/// has no ingress-nginx product), an exception accepting web-prod's ingress-nginx risk that is in force today, and one
/// accepting billing-prod's PDB drain risk that expired a month ago (so the finding is open again).
/// </summary>
internal static class DemoExceptions
{
    /// <summary>The announcement of the retirement: Kubernetes SIG Network and the Security Response Committee, 2025-11-11.</summary>
    public const string RetirementSource =
        "https://kubernetes.io/blog/2025/11/11/ingress-nginx-retirement/ (best-effort maintenance until March 2026, then no releases or security fixes)";

    public static readonly DateOnly RetirementAnnounced = new(2025, 11, 11);

    public static readonly DateOnly RetiredOn = new(2026, 3, 31);

    public const string Approver = "admin:grace";

    public static IEnumerable<DemoStep> Steps(IReadOnlyDictionary<string, ClusterTimeline> timelines, DateTimeOffset start, DateTimeOffset end)
    {
        var recordedAt = Later(CatalogLookup.Start(RetirementAnnounced).AddDays(1).AddHours(9), start.AddMinutes(2));
        if (recordedAt <= end)
        {
            foreach (var (cycle, released) in AddOns.IngressCycles())
            {
                var fact = new ReleaseCycleRecorded(AddOns.IngressNginx, cycle, released, null, RetiredOn, null, false,
                    $"{RetirementSource} (published {RetirementAnnounced:yyyy-MM-dd}, recorded by {Actors.Operator("web")})", recordedAt);
                yield return new DemoStep(recordedAt, new RecordCatalogFact(fact, Actors.Operator("web"), recordedAt));
            }
        }

        foreach (var step in IngressAccepted(timelines["web-prod"], end)) yield return step;
        foreach (var step in PdbAcceptanceExpired(start, end)) yield return step;
    }

    /// <summary>web-prod's ingress-nginx controller accepted as it runs 40 days before today, until 90 days after.</summary>
    private static IEnumerable<DemoStep> IngressAccepted(ClusterTimeline web, DateTimeOffset end)
    {
        var at = end.AddDays(-40).AddHours(11);
        var version = web.At(at).AddOns[AddOns.IngressNginx];
        var component = new AcceptedComponent(ClusterHistory.AddOnId(AddOns.Ingress.Namespace, AddOns.Ingress.Workload, AddOns.Ingress.Container),
            ComponentKind.AddOn, AddOns.IngressNginx, FleetState.CycleOf(version), AddOns.Ingress.Image(version));
        var requestedBy = Actors.Operator("web");
        yield return new DemoStep(at, new RequestException("web-prod", "ingress-nginx-retired", null, component, null,
            "ingress-nginx is retired (no fixes after March 2026); web-prod moves to Gateway API in the next quarter and the edge WAF filters the known CVEs until then",
            Days.Of(end).AddDays(90), requestedBy, at));
        yield return new DemoStep(at.AddDays(1), new ApproveException("web-prod", "ingress-nginx-retired", Approver, at.AddDays(1)));
    }

    /// <summary>billing-prod's PDB risk accepted for three months while its database moved; the acceptance ended 30 days before today.</summary>
    private static IEnumerable<DemoStep> PdbAcceptanceExpired(DateTimeOffset start, DateTimeOffset end)
    {
        var risk = DrainRisks.Of("billing-prod").Single(r => r.Kind == DrainRiskKind.PdbAllowsNoDisruption);
        var at = end.AddDays(-120).AddHours(10);
        if (risk.FoundAt(start) >= at) yield break;
        var finding = new AcceptedFinding(FindingKind.PdbAllowsNoDisruption, risk.Subject, risk.FoundAt(start));
        yield return new DemoStep(at, new RequestException("billing-prod", "invoice-db-pdb", finding, null, null,
            "invoice-db keeps 3 of 3 replicas until its storage migration; its node is drained by hand in each window meanwhile",
            Days.Of(end).AddDays(-30), Actors.Operator("billing"), at));
        yield return new DemoStep(at.AddHours(3), new ApproveException("billing-prod", "invoice-db-pdb", Approver, at.AddHours(3)));
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
